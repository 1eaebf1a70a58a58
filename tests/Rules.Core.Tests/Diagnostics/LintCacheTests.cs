using System.Collections.Immutable;
using Rules.Core.Analysis;
using Rules.Core.Workspace;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Diagnostics;

/// <summary>
/// A <see cref="LintCache"/> kept across compilations (as the language server keeps one) never changes what is
/// reported: after any edit, a compilation reusing earlier findings reports exactly what a fresh one does.
/// </summary>
public class LintCacheTests
{
    private const string AnswersPath = "/ws/fw/answers.rules";

    private static string MainText(string extraCondition = "1.1.1 is positive") => FrameworkWithStandard.Replace("answers YesNo {\n  yes \"Yes\" positive\n  no  \"No\"\n}\n", "") + $$"""
        domain 2 "E" {
          standard 2.1 "T" {
            not rated
            key_question 2.1.1 "R" : YesNo
              when {{extraCondition}}
          }
        }

        """;

    [Fact]
    public void A_verdict_follows_a_change_to_an_answer_set_in_another_file()
    {
        var files = FileSystem((MainPath, MainText()), (AnswersPath, "answers YesNo {\n  yes \"Yes\" positive\n  no  \"No\"\n}\n"));
        var cached = new Cached();
        Assert.DoesNotContain(cached.Check(files), d => d.Contains("RL0202"));

        // YesNo loses its positive option: `1.1.1 is positive` can no longer hold.
        files = files.With(AnswersPath, "answers YesNo {\n  yes \"Yes\"\n  no  \"No\"\n}\n");
        var afterEdit = cached.Check(files);
        Same(Fresh(files), afterEdit);
        Assert.Contains(afterEdit, d => d.Contains("RL0202"));

        files = files.With(AnswersPath, "answers YesNo {\n  yes \"Yes\" positive\n  no  \"No\"\n}\n");
        Same(Fresh(files), cached.Check(files));
    }

    [Fact]
    public void Findings_of_a_file_follow_its_edits_and_stay_for_unchanged_files()
    {
        var files = FileSystem((MainPath, MainText()), (AnswersPath, "answers YesNo {\n  yes \"Yes\" positive\n  no  \"\"\n}\n"));
        var cached = new Cached();
        Same(Fresh(files), cached.Check(files)); // RL0402: the empty label
        files = files.With(MainPath, MainText("1.1.1 == yes and 1.1.1 == no"));
        Same(Fresh(files), cached.Check(files));
        files = files.With(AnswersPath, "answers YesNo {\n  yes \"Yes\" positive\n  no  \"No\"\n}\n");
        Same(Fresh(files), cached.Check(files));
    }

    /// <summary>Random edits to the real framework, one after another: the cached and fresh results never differ.</summary>
    [Fact]
    public void Random_edits_to_a_real_framework_report_what_a_fresh_check_reports()
    {
        var files = ProbationFiles();
        var original = files;
        var paths = files.Files.Keys.Where(p => p.EndsWith(".rules", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(2021);
        var cached = new Cached();
        string[] swaps = [" positive", " == ", " != ", "yes", "no", "none", " and ", " or ", "not ", " in ", "when ", "\n"];
        for (var step = 0; step < 60; step++)
        {
            if (step % 15 == 14) files = original; // back to the start: findings from the first round are reused
            var path = paths[random.Next(paths.Length)];
            var text = files.Files[path];
            var from = swaps[random.Next(swaps.Length)];
            var to = swaps[random.Next(swaps.Length)];
            var at = text.IndexOf(from, random.Next(Math.Max(1, text.Length)), StringComparison.Ordinal);
            if (at < 0) at = text.IndexOf(from, StringComparison.Ordinal);
            if (at < 0) continue;
            files = files.With(path, text[..at] + (random.Next(4) == 0 ? "" : to) + text[(at + from.Length)..]);
            Same(Fresh(files), cached.Check(files));
        }
    }

    private static void Same(ImmutableArray<string> expected, ImmutableArray<string> actual) =>
        Assert.True(expected.SequenceEqual(actual),
            "Only fresh: " + string.Join("\n", expected.Except(actual)) + "\nOnly cached: " + string.Join("\n", actual.Except(expected)));

    private static ImmutableArray<string> Fresh(InMemoryFileSystem files) =>
        [.. new RulesWorkspace(files).CompileAll(Root).SelectMany(c => c.Diagnostics).Select(Format)];

    /// <summary>A long-lived workspace state: the parsed files and the lint cache survive between checks.</summary>
    private sealed class Cached
    {
        private readonly SyntaxTreeCache _trees = new();
        private readonly LintCache _lint = new();

        public ImmutableArray<string> Check(InMemoryFileSystem files) =>
            [.. new RulesWorkspace(files, _trees, _lint).CompileAll(Root).SelectMany(c => c.Diagnostics).Select(Format)];
    }
}
