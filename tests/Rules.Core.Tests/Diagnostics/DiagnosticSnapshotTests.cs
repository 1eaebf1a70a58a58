using Rules.Core.Tests.Support;
using Rules.Core.Workspace;
using Rules.Testing;

namespace Rules.Core.Tests.Diagnostics;

/// <summary>
/// Baselines of every diagnostic for each file under TestData/diagnostics, each compiled as its own
/// framework (or library), printed as <c>path(line,col)-(endLine,endCol): severity ID: message</c>.
/// </summary>
public class DiagnosticSnapshotTests
{
    public static TheoryData<string> Files =>
        [.. Directory.EnumerateFiles(TestPaths.TestData("diagnostics"), "*.rules").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Diagnostics(string name)
    {
        var text = File.ReadAllText(TestPaths.TestData("diagnostics", name + ".rules")).Replace("\r\n", "\n");
        var compilations = new RulesWorkspace(Support.Rules.FileSystem(($"/ws/{name}/{name}.rules", text))).CompileAll(Support.Rules.Root);
        Snapshot.Verify(Support.Rules.Dump(Support.Rules.AllDiagnostics(compilations)), name);
    }
}
