using Rules.Core.Workspace;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests.Features;

/// <summary>
/// A library imported by several frameworks is bound once in each. Renaming one of its symbols, or finding
/// its references, covers every framework of the workspace that imports it, open in the editor or not.
/// </summary>
public sealed class LibraryRenameTests : IDisposable
{
    private const string Answers = "answers YesNo {\n  yes \"Yes\" positive\n  no  \"No\"\n}\n";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("rules-library-rename-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The LANGUAGE.md framework importing YesNo from the shared library instead of declaring it.</summary>
    private static string FrameworkImportingAnswers(string extra = "")
    {
        var framework = Fixtures.Framework;
        return "import \"../common/answers.rules\"\n\n"
               + framework[..framework.IndexOf("answers YesNo", StringComparison.Ordinal)]
               + extra
               + framework[framework.IndexOf("answers StartedPromptly", StringComparison.Ordinal)..];
    }

    private (string Library, string First, string Second) WriteWorkspace(string secondExtra = "")
    {
        Write("rules.json", "{}");
        return (Write("common/answers.rules", Answers),
                Write("first/framework.rules", FrameworkImportingAnswers()),
                Write("second/framework.rules", FrameworkImportingAnswers(secondExtra)));
    }

    [Fact]
    public async Task Renaming_a_library_option_rewrites_every_framework_importing_it()
    {
        var (library, first, second) = WriteWorkspace();
        var source = Fixtures.WithCursor("2.4.1 == yes", shift: 10, text: File.ReadAllText(first));
        var firstUri = DocumentUris.FromFilePath(first);
        await using var client = await Fixtures.OpenAsync(source.Text, firstUri);
        Assert.DoesNotContain((await Fixtures.DiagnosticsAsync(client, firstUri)).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        var edit = await client.RequestAsync<WorkspaceEdit>(LspMethods.Rename, new RenameParams(Fixtures.Document(firstUri), source.Position, "agreed"));
        var changes = edit!.Changes!;
        Assert.Equal(
            new[] { library, first, second }.Select(DocumentUris.FromFilePath).Order(StringComparer.Ordinal),
            changes.Keys.Order(StringComparer.Ordinal));
        File.WriteAllText(library, RenameTests.Apply(Answers, changes[DocumentUris.FromFilePath(library)]));
        File.WriteAllText(first, RenameTests.Apply(source.Text, changes[firstUri]));
        File.WriteAllText(second, RenameTests.Apply(File.ReadAllText(second), changes[DocumentUris.FromFilePath(second)]));

        Assert.Contains("agreed \"Yes\" positive", File.ReadAllText(library));
        foreach (var path in new[] { first, second })
        {
            var renamed = File.ReadAllText(path);
            Assert.Contains("when 2.4.1 == agreed and", renamed);
            Assert.Contains("yes           \"Yes\" positive", renamed); // StartedPromptly's own `yes` is another option
        }
        // Nothing was left behind: both frameworks still check without errors.
        foreach (var compilation in new RulesWorkspace(new PhysicalFileSystem()).CompileAll(_root.FullName))
            Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public async Task Renaming_a_library_answer_set_is_refused_when_it_clashes_in_another_framework()
    {
        var (_, first, second) = WriteWorkspace(secondExtra: "answers Agreement {\n  agree \"Agree\" positive\n  disagree \"Disagree\"\n}\n\n");
        var source = Fixtures.WithCursor(": YesNo", shift: 3, text: File.ReadAllText(first));
        var firstUri = DocumentUris.FromFilePath(first);
        await using var client = await Fixtures.OpenAsync(source.Text, firstUri);

        var error = await client.RequestErrorAsync(LspMethods.Rename, new RenameParams(Fixtures.Document(firstUri), source.Position, "Agreement"));
        Assert.Equal(JsonRpcErrorCodes.RequestFailed, error.Code);
        Assert.Contains("In the framework in " + PathUtil.Normalize(Path.GetDirectoryName(second)!), error.Message);
        Assert.Contains("'Agreement' is already used", error.Message);
    }

    [Fact]
    public async Task References_of_a_library_option_include_every_framework_importing_it()
    {
        var (library, first, second) = WriteWorkspace();
        var source = Fixtures.WithCursor("yes", shift: 1, text: Answers);
        var libraryUri = DocumentUris.FromFilePath(library);
        await using var client = await Fixtures.OpenAsync(source.Text, libraryUri);

        var locations = await client.RequestAsync<Location[]>(LspMethods.References,
            new ReferenceParams(Fixtures.Document(libraryUri), source.Position, new ReferenceContext(IncludeDeclaration: true)));
        var byFile = locations!.GroupBy(l => l.Uri).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, byFile[libraryUri]);
        Assert.True(byFile[DocumentUris.FromFilePath(first)] > 0);
        Assert.Equal(byFile[DocumentUris.FromFilePath(first)], byFile[DocumentUris.FromFilePath(second)]);
    }
}
