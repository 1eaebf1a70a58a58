using System.Text.RegularExpressions;
using Rules.Core.Diagnostics;

namespace Rules.Core.Tests.Diagnostics;

/// <summary>Every RL0xxx diagnostic in the catalog has a test named after it that triggers it.</summary>
public class CoverageTests
{
    [Fact]
    public void EveryRuleFileDiagnosticHasATriggeringTest()
    {
        var sources = string.Concat(Directory.EnumerateFiles(Path.Combine(TestPaths.TestsDirectory(), "Diagnostics"), "*.cs").Select(File.ReadAllText));
        var named = Regex.Matches(sources, @"void (RL0\d{3})_").Select(m => m.Groups[1].Value).ToHashSet();
        var ids = DiagnosticCatalog.All.Select(d => d.Id).Where(id => id.StartsWith("RL0", StringComparison.Ordinal));
        var untested = ids.Where(id => !named.Contains(id)).ToList();
        Assert.True(untested.Count == 0, "No triggering test for: " + string.Join(", ", untested));
    }
}
