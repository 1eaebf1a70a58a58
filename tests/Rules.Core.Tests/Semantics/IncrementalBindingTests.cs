using System.Collections.Immutable;
using System.Text;
using Rules.Core.Analysis;
using Rules.Core.Semantics;
using Rules.Core.Workspace;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Semantics;

/// <summary>
/// A compilation that reuses the bindings of unaffected files from the previous one (as the language server's do)
/// is the compilation a fresh check builds: the same symbols, references, conditions and diagnostics, and no symbol
/// of the new model points at a symbol of an older one.
/// </summary>
public class IncrementalBindingTests
{
    private const string Probation = ProbationFolder;

    /// <summary>Seeds of the random edits: one in CI; <c>RULES_INCREMENTAL_SEEDS=N</c> runs N.</summary>
    public static TheoryData<int> Seeds()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("RULES_INCREMENTAL_SEEDS"), out var n) && n > 0 ? n : 1;
        var seeds = new TheoryData<int>();
        for (var i = 0; i < count; i++) seeds.Add(1722 + i);
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_edits_to_a_real_framework_build_the_model_a_fresh_compilation_builds(int seed)
    {
        var files = ProbationFiles();
        var original = files;
        var paths = files.Files.Keys.Where(p => p.EndsWith(".rules", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(seed);
        var session = new Session();
        session.Compile(files);
        var reusedSteps = 0;
        for (var step = 0; step < 120; step++)
        {
            if (step % 40 == 39) files = original;
            var path = paths[random.Next(paths.Length)];
            files = files.With(path, Edit(files.Files[path], random));
            var (incremental, reused) = session.Compile(files);
            var fresh = new RulesWorkspace(files).Compile(ProjectOf(files));
            AssertSame(fresh, incremental, $"step {step}, {path}");
            if (reused > 0) reusedSteps++;
        }
        // Most edits (inside texts, conditions, answers) leave every file's declarations as they were.
        Assert.True(reusedSteps > 40, $"only {reusedSteps} of 120 edits reused bindings");
    }

    private const string Expected = "implementation.rules, tests/checks.rules, tests/routing.rules, tests/signals.rules, tests/validity.rules";

    [Fact]
    public void Typing_in_a_summary_binds_only_that_file_and_the_files_that_use_its_symbols()
    {
        var files = ProbationFiles();
        var session = new Session();
        var (first, _) = session.Compile(files);
        var path = first.Model.Trees.Select(t => t.Path).Single(p => p.EndsWith("/implementation.rules", StringComparison.Ordinal));
        var text = files.Files[path];
        var at = text.IndexOf("summary \"", StringComparison.Ordinal) + "summary \"".Length;

        for (var i = 0; i < 5; i++)
        {
            var before = session.Previous!.Model;
            text = text.Insert(at + i, "x");
            files = files.With(path, text);
            var (after, _) = session.Compile(files);
            AssertSame(new RulesWorkspace(files).Compile(ProjectOf(files)), after, "keystroke " + i);

            var rebound = after.Model.Files.Where(f => !before.Files.Contains(f)).Select(f => f.Path[(Probation.Length + 1)..]).Order().ToList();
            // implementation.rules and the files whose symbols point into it (the tests that answer its questions), not
            // the other files of domain 2 (the domain's symbol is assessment.rules's), nor answers, fields or framework.
            Assert.True(Expected == string.Join(", ", rebound), string.Join(", ", rebound));
        }
    }

    [Fact]
    public void A_change_to_what_a_file_declares_binds_every_file_again()
    {
        var files = ProbationFiles();
        var session = new Session();
        session.Compile(files);
        var path = files.Files.Keys.Single(p => p.EndsWith("/implementation.rules", StringComparison.Ordinal));
        var text = files.Files[path];
        // A key question's code changes: a condition or test elsewhere may now find it, or miss it.
        var at = text.IndexOf("key_question ", StringComparison.Ordinal) + "key_question ".Length;
        files = files.With(path, text[..at] + "9" + text[at..]);
        var (after, reused) = session.Compile(files);
        Assert.Equal(0, reused);
        AssertSame(new RulesWorkspace(files).Compile(ProjectOf(files)), after, "renamed code");
    }

    [Fact]
    public void Duplicates_across_files_follow_edits_of_either_file()
    {
        const string other = "/ws/fw/other.rules";
        var files = FileSystem(
            (MainPath, FrameworkWithStandard),
            (other, "domain 2 \"E\" {\n  standard 2.1 \"T\" {\n    not rated\n    key_question 2.1.1 \"R\" : YesNo\n  }\n}\nanswers YesNo {\n  yes \"Yes\" positive\n}\n"));
        var session = new Session();
        session.Compile(files);
        string[] edits =
        [
            "domain 2 \"E\" {\n  standard 2.1 \"T2\" {\n    not rated\n    key_question 2.1.1 \"R\" : YesNo\n  }\n}\nanswers YesNo {\n  yes \"Yes\" positive\n}\n",
            "domain 2 \"E\" {\n  standard 2.1 \"T2\" {\n    not rated\n    key_question 2.1.1 \"Rx\" : YesNo\n      when 1.1.1 == yes\n  }\n}\nanswers YesNo {\n  yes \"Yes\" positive\n}\n",
            "domain 2 \"E\" {\n  standard 2.1 \"T2\" {\n    not rated\n    key_question 2.1.1 \"Rx\" : YesNo\n      when 1.1.1 == yes\n  }\n}\nanswers YesNo {\n  yes \"Yes!\" positive\n}\n",
        ];
        foreach (var edit in edits)
        {
            files = files.With(other, edit);
            var (after, _) = session.Compile(files);
            AssertSame(new RulesWorkspace(files).Compile(ProjectOf(files, "/ws/fw")), after, edit);
            Assert.Contains(after.Diagnostics, d => d.Id == "RL0101"); // YesNo is declared twice
        }
        files = files.With(MainPath, FrameworkWithStandard.Replace("\"Sum\"", "\"Summary\"", StringComparison.Ordinal));
        AssertSame(new RulesWorkspace(files).Compile(ProjectOf(files, "/ws/fw")), session.Compile(files).Compilation, "main edited");
    }

    /// <summary>Whole-framework rules (routing cycles, unused answer sets, reachable overall bands) keep what they found
    /// in the reused files: a cycle or an unused set that an edit makes or removes is reported as a fresh check would.</summary>
    [Fact]
    public void Whole_framework_findings_follow_edits_while_bindings_are_reused()
    {
        const string other = "/ws/fw/other.rules";
        const string third = "/ws/fw/third.rules";
        string Other(string when, string set) =>
            $"domain 2 \"E\" {{\n  standard 2.1 \"T\" {{\n    rated by lowest key_question\n    key_question 2.1.1 \"R\" : {set}\n      when {when}\n    key_question 2.1.2 \"S\" : YesNo\n  }}\n}}\n";
        var files = FileSystem(
            (MainPath, FrameworkWithStandard + "answers Spare {\n  ok \"OK\" positive\n}\n"),
            (other, Other("2.1.2 == yes", "YesNo")),
            (third, "domain 3 \"F\" {\n  standard 3.1 \"U\" {\n    not rated\n    key_question 3.1.1 \"V\" : YesNo\n      when 3.1.2 == yes\n    key_question 3.1.2 \"W\" : YesNo\n  }\n}\n"));
        var session = new Session();
        session.Compile(files);
        (string When, string Set, string? Expect)[] steps =
        [
            ("2.1.2 == yes", "Spare", null),          // Spare used: no RL0401
            ("2.1.1 == yes", "YesNo", "RL0201"),      // 2.1.1 routed on itself
            ("2.1.1 == yes", "Spare", "RL0201"),
            ("2.1.2 == no", "YesNo", "RL0401"),       // the cycle goes; Spare is unused again
            ("2.1.2 == no ", "YesNo", "RL0401"),
        ];
        foreach (var (when, set, expect) in steps)
        {
            files = files.With(other, Other(when, set));
            var (after, reused) = session.Compile(files);
            Assert.True(reused > 0, when);
            AssertSame(new RulesWorkspace(files).Compile(ProjectOf(files, "/ws/fw")), after, when);
            if (expect is not null) Assert.Contains(after.Diagnostics, d => d.Id == expect);
        }
    }

    private static string Edit(string text, Random random)
    {
        string[] swaps = [" positive", " == ", " != ", "yes", "no", "none", " and ", " or ", "not ", " in ", "when ", "\n", "\"", "{", "}", ".1", "2.", "answers "];
        switch (random.Next(4))
        {
            case 0: // type a letter inside some text
                var quote = text.IndexOf('"', random.Next(Math.Max(1, text.Length)));
                if (quote < 0) quote = text.IndexOf('"', StringComparison.Ordinal);
                return quote < 0 ? text : text.Insert(quote + 1, ((char)('a' + random.Next(26))).ToString());
            case 1: // delete a few characters
                var start = random.Next(Math.Max(1, text.Length));
                return text.Remove(start, Math.Min(random.Next(1, 6), text.Length - start));
            default: // swap one token for another
                var from = swaps[random.Next(swaps.Length)];
                var to = swaps[random.Next(swaps.Length)];
                var at = text.IndexOf(from, random.Next(Math.Max(1, text.Length)), StringComparison.Ordinal);
                if (at < 0) at = text.IndexOf(from, StringComparison.Ordinal);
                return at < 0 ? text : text[..at] + (random.Next(4) == 0 ? "" : to) + text[(at + from.Length)..];
        }
    }

    private static FrameworkProject ProjectOf(InMemoryFileSystem files, string root = Probation) =>
        new RulesWorkspace(files).Discover(root).Single(p => !p.IsLibrary);

    /// <summary>An editor's state: the parsed files, the lint cache and the last compilation live on.</summary>
    private sealed class Session
    {
        private readonly SyntaxTreeCache _trees = new();
        private readonly LintCache _lint = new();

        public FrameworkCompilation? Previous { get; private set; }

        /// <summary>Compiles again; returns how many file bindings came from the previous compilation.</summary>
        public (FrameworkCompilation Compilation, int Reused) Compile(InMemoryFileSystem files)
        {
            var workspace = new RulesWorkspace(files, _trees, _lint);
            var project = workspace.Discover(Previous?.Project.RootFolder ?? Root).Single(p => !p.IsLibrary);
            var compilation = workspace.Compile(project, Previous);
            var reused = Previous is null ? 0 : compilation.Model.Files.Count(f => Previous.Model.Files.Contains(f));
            Previous = compilation;
            return (compilation, reused);
        }
    }

    private static void AssertSame(FrameworkCompilation fresh, FrameworkCompilation incremental, string when)
    {
        var expected = Dump(fresh);
        var actual = Dump(incremental);
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var first = 0;
            while (first < Math.Min(e.Length, a.Length) && e[first] == a[first]) first++;
            Assert.Fail($"{when}: the incremental model differs from line {first} ({e.Length} lines fresh, {a.Length} incremental).\n" +
                $"Fresh:\n{string.Join("\n", e.Skip(first).Take(8))}\nIncremental:\n{string.Join("\n", a.Skip(first).Take(8))}");
        }
        AssertNoStaleSymbols(incremental.Model, when);
    }

    /// <summary>Everything a model says, in text: symbols with their places and bound data, references, diagnostics.</summary>
    private static string Dump(FrameworkCompilation compilation)
    {
        var model = compilation.Model;
        var b = new StringBuilder();
        string L(Rules.Core.Diagnostics.Location l) => $"{l.Path}@{l.Span.Start}+{l.Span.Length}";
        string C(BoundExpression? c) => c is null ? "-" : $"[{c.Syntax?.ToString().Trim()}: {c.Type}]";
        if (model.Framework is { } f)
            b.AppendLine($"{f.Display} {L(f.Location)} v{f.Version} scale={f.Scale?.Name} bands={string.Join(",", f.OverallBands.Select(x => $"{x.LevelName}/{x.Level?.Name}/{x.Bound}/{L(x.Location)}"))}");
        foreach (var s in model.Scales)
            b.AppendLine($"{s.Display} {L(s.Location)} {string.Join(",", s.Levels.Select(l => $"{l.Name}/{l.Label}/{l.Score}/{l.Bound}/{L(l.Location)}"))}");
        foreach (var field in model.CaseFields)
            b.AppendLine($"{field.Display} {L(field.Location)} {field.Label} {field.TypeDisplay} {string.Join(",", field.Values.Select(v => $"{v.Name}/{v.Index}/{L(v.Location)}"))}");
        foreach (var set in model.AnswerSets)
            b.AppendLine($"{set.Display} {L(set.Location)} {string.Join(",", set.Options.Select(o => $"{o.Name}/{o.Label}/{o.Outcome}/{o.Index}/{L(o.Location)}"))}");
        foreach (var d in model.Domains)
            b.AppendLine($"{d.Display} {L(d.Location)} {d.Title} {string.Join(",", model.StandardsOf(d).Select(s => s.Code))} checks={string.Join(",", model.ChecksOf(d).Select(c => L(c.Location)))}");
        foreach (var s in model.Standards)
            b.AppendLine($"{s.Display} {L(s.Location)} {s.Title} {s.Summary} {s.Rating} {s.Guidance} domain={s.Domain.Name} when={C(s.Condition)} kq={string.Join(",", s.KeyQuestions.Select(k => k.Code))}");
        foreach (var q in model.Questions)
            b.AppendLine($"{q.Display} {L(q.Location)} {q.Text} set={q.AnswerSet?.Name} when={C(q.Condition)} guidance={q.Guidance} standard={q.Standard.Code}");
        foreach (var c in model.AllChecks)
            b.AppendLine($"{c.Display} {L(c.Location)} owner={c.Owner?.Display} when={C(c.Condition)}");
        foreach (var bd in model.Breakdowns)
            b.AppendLine($"{bd.Display} {L(bd.Location)} {bd.Title} field={bd.Field?.Name} {string.Join(",", bd.Groups.Select(g => $"{g.Label}/{string.Join("+", g.Values.Select(v => v.Name))}/{g.Low}/{g.High}/{g.Boolean}"))}");
        foreach (var t in model.Tests)
            b.AppendLine($"{t.Display} {L(t.Location)} {string.Join(",", t.CaseValues.Select(v => $"{v.Field}={v.Value}"))} {string.Join(",", t.Answers.Select(a => $"{a.Code}={a.Option}"))} {string.Join(",", t.Expectations.Select(e => $"{e.Kind}/{e.Item?.Display}/{e.Code}/{e.Message}/{e.Option}/{L(e.Location)}"))}");
        foreach (var r in model.References.Select(r => $"ref {r.Symbol.Display} {L(r.Symbol.Location)} at {L(r.Location)} {(r.IsDeclaration ? "declaration" : "use")}").Order(StringComparer.Ordinal))
            b.AppendLine(r);
        foreach (var d in model.Diagnostics.Select(d => $"model {d.Id} {L(d.Location)} {d.Message}").Order(StringComparer.Ordinal))
            b.AppendLine(d);
        foreach (var d in compilation.Diagnostics)
            b.AppendLine($"{d.Id} {d.Severity} {L(d.Location)} {d.Message}");
        return b.ToString();
    }

    /// <summary>Every symbol the model's symbols and references point at belongs to the model itself.</summary>
    private static void AssertNoStaleSymbols(SemanticModel model, string when)
    {
        var own = new HashSet<Symbol>(ReferenceEqualityComparer.Instance);
        if (model.Framework is { } f) own.Add(f);
        foreach (var s in model.Scales) { own.Add(s); own.UnionWith(s.Levels); }
        foreach (var field in model.CaseFields) { own.Add(field); own.UnionWith(field.Values); }
        foreach (var set in model.AnswerSets) { own.Add(set); own.UnionWith(set.Options); }
        own.UnionWith(model.Domains);
        own.UnionWith(model.Standards);
        own.UnionWith(model.Questions);
        own.UnionWith(model.AllChecks);
        own.UnionWith(model.Breakdowns);
        own.UnionWith(model.Tests);

        void Own(Symbol? symbol, string what)
        {
            if (symbol is not null && !own.Contains(symbol)) Assert.Fail($"{when}: {what} points at {symbol.Display} of an older compilation");
        }
        foreach (var r in model.References) Own(r.Symbol, "a reference at " + r.Location.Path + "@" + r.Location.Span.Start);
        foreach (var s in model.Standards) Own(s.Domain, s.Display);
        foreach (var q in model.Questions) Own(q.AnswerSet, q.Display);
        foreach (var t in model.Tests)
        foreach (var e in t.Expectations)
            Own(e.Item, t.Display);
        foreach (var bd in model.Breakdowns)
        {
            Own(bd.Field, bd.Display);
            foreach (var g in bd.Groups) foreach (var v in g.Values) Own(v, bd.Display);
        }
        if (model.Framework is { } framework)
        {
            Own(framework.Scale, framework.Display);
            foreach (var band in framework.OverallBands) Own(band.Level, framework.Display);
        }
    }
}
