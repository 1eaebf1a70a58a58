using System.Collections.Immutable;
using System.Diagnostics;
using Rules.Core.Formatting;
using Rules.Core.Syntax;
using Rules.Core.Workspace;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Rules.Core.Tests.Fuzzing;

/// <summary>
/// Mutates the example frameworks thousands of times and checks the core's promises on each result:
/// no exception and no hang in parse, bind and lint; the tree gives back the text exactly; recovered
/// syntax comes with an error; formatting is idempotent and never changes meaning.
/// A fixed seed keeps CI repeatable; RULES_FUZZ_ITERATIONS and RULES_FUZZ_SEED run more locally.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultIterations = 3000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private sealed record Seed(string Path, string Text);

    private static List<Seed> Seeds()
    {
        var seeds = new List<Seed> { new("/ws/example/example.rules", File.ReadAllText(TestPaths.TestData("spec-example", "example.rules"))) };
        var rules = Path.Combine(TestPaths.RepositoryRoot(), "rules");
        if (Directory.Exists(rules))
            foreach (var file in Directory.EnumerateFiles(rules, "*.rules", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                seeds.Add(new("/ws/" + Path.GetRelativePath(rules, file).Replace('\\', '/'), File.ReadAllText(file)));
        return seeds;
    }

    /// <summary>Shared library files so that a mutated framework file's imports resolve.</summary>
    private static ImmutableDictionary<string, string> Libraries(List<Seed> seeds) =>
        seeds.Where(s => s.Path.StartsWith("/ws/common/", StringComparison.Ordinal))
            .ToImmutableDictionary(s => s.Path, s => s.Text)
            .SetItem("/ws/rules.json", "{}");

    [Fact]
    public void MutatedFrameworksKeepTheCorePromises()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("RULES_FUZZ_ITERATIONS"), out var n) ? n : DefaultIterations;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("RULES_FUZZ_SEED"), out var s) ? s : 20261122;
        var random = new Random(seed);
        var mutator = new Mutator(random);
        var seeds = Seeds();
        var libraries = Libraries(seeds);
        var watch = Stopwatch.StartNew();
        var formatted = 0;
        for (var i = 0; i < iterations; i++)
        {
            var original = seeds[random.Next(seeds.Count)];
            var text = mutator.Mutate(original.Text);
            var failure = RunWithTimeout(() => Check(original.Path, text, libraries, ref formatted));
            if (failure is not null)
            {
                var saved = Path.Combine(Path.GetTempPath(), $"rules-fuzz-{seed}-{i}.rules");
                File.WriteAllText(saved, text);
                throw new XunitException($"Iteration {i} (seed {seed}, from {original.Path}) failed: {failure}\nInput saved to {saved}");
            }
        }
        output.WriteLine($"{iterations} mutations ({formatted} formatted) in {watch.Elapsed}");
    }

    private static string? RunWithTimeout(Func<string?> check)
    {
        string? result = null;
        Exception? error = null;
        // A thread of its own with a large stack: a stack overflow would end the test run, and must not happen.
        var thread = new Thread(() =>
        {
            try { result = check(); }
            catch (Exception e) { error = e; }
        }, 16 * 1024 * 1024) { IsBackground = true };
        thread.Start();
        if (!thread.Join(Timeout)) return $"no result after {Timeout.TotalSeconds} s (hang?)";
        return error is null ? result : error.ToString();
    }

    private static string? Check(string path, string text, ImmutableDictionary<string, string> libraries, ref int formatted)
    {
        var tree = SyntaxTree.Parse(text, path);
        if (tree.Root.ToString() != text) return "the tree does not give back the text";
        var recovered = tree.Root.DescendantNodesAndSelf().Any(n => n is SkippedTokensSyntax) || tree.Root.Tokens().Any(t => t.IsMissing);
        if (recovered && !tree.Diagnostics.Any(d => d.IsError)) return "skipped or missing tokens without an error";
        var emptyTexts = 0;
        if (!tree.MayHaveTextWithoutWords) Rules.Core.Analysis.Rules.EmptyTextRule.FindEmptyTexts(tree, _ => emptyTexts++);
        if (emptyTexts > 0) return "the lexer saw a word in every text, yet a text is empty (RL0402 would be missed)";

        var before = Compile(libraries.SetItem(path, text), path);

        var once = Formatter.Format(tree);
        if (once is null) return null;
        formatted++;
        var onceTree = SyntaxTree.Parse(once, path);
        if (onceTree.Diagnostics.Any(d => d.IsError))
            return "formatting produced text with syntax errors:\n" + string.Join("\n", onceTree.Diagnostics) + "\n--- formatted:\n" + once;
        var twice = Formatter.Format(onceTree);
        if (twice != once) return "formatting is not idempotent:\n--- once:\n" + once + "\n--- twice:\n" + twice;
        var after = Compile(libraries.SetItem(path, once), path);
        var a = SemanticSummary.Of(before.Model);
        var b = SemanticSummary.Of(after.Model);
        if (a != b) return "formatting changed the meaning:\n" + FirstDifference(a, b) + "\n--- formatted:\n" + once;
        return null;
    }

    private static FrameworkCompilation Compile(ImmutableDictionary<string, string> files, string path)
    {
        var workspace = new RulesWorkspace(new InMemoryFileSystem(files));
        var project = workspace.Discover(path).Single(p => p.Files.Contains(path));
        return workspace.Compile(project);
    }

    private static string FirstDifference(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var l = i < x.Length ? x[i] : "<end>";
            var r = i < y.Length ? y[i] : "<end>";
            if (l != r) return $"before: {l}\nafter:  {r}";
        }
        return "";
    }
}
