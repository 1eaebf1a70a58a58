using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;
using Rules.Engine.Aggregation;
using Rules.Engine.Input;

namespace Rules.Engine.Evaluation;

/// <summary>
/// A bound framework prepared for fast evaluation: dense indices for items, key questions, prompts
/// and breakdown groups, compiled conditions, and the counter layout. Immutable and shareable;
/// evaluate with one <see cref="CaseEvaluator"/> per thread.
/// </summary>
public sealed class CompiledFramework
{
    private CompiledFramework(SemanticModel model, FrameworkCaseSchema schema)
    {
        Model = model;
        Schema = schema;
        var compiler = new ConditionCompiler(schema);
        OptionOutcomes = compiler.OptionOutcomes;

        // Items: standards first, then the questions in answer-slot order.
        var index = new Dictionary<RoutedSymbol, int>();
        var symbols = new List<RoutedSymbol>();
        foreach (var standard in model.Standards.Where(s => index.TryAdd(s, index.Count))) symbols.Add(standard);
        foreach (var question in schema.Questions.Where(q => index.TryAdd(q, index.Count))) symbols.Add(question);
        // Conditions on case fields only, written the same on several items (`when case.interviewed`
        // on seventeen key questions), are numbered so that each is tested once per case.
        var keys = symbols.Select(s => s.Condition is null ? null : ConditionCompiler.FieldConditionKey(s.Condition)).ToList();
        var shared = keys.Where(k => k is not null).GroupBy(k => k!, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select((g, i) => (g.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        SharedConditions = shared.Count;
        Items = [.. symbols.Select((s, i) => new CompiledItem(
            s,
            s.Parent is { } parent && index.TryGetValue(parent, out var p) ? p : -1,
            s.Condition is null ? null : compiler.CompileTest(s.Condition),
            keys[i] is { } key && shared.TryGetValue(key, out var number) ? number : -1))];
        ItemOfAnswer = [.. schema.Questions.Select(q => index[q])];

        KeyQuestions = [.. model.KeyQuestions.Where(q => compiler.AnswerSlotOf(q) is not null)];
        Prompts = [.. model.Prompts.Where(q => compiler.AnswerSlotOf(q) is not null)];
        KeyQuestionSlots = [.. KeyQuestions.Select(q => compiler.AnswerSlotOf(q)!.Value)];
        PromptSlots = [.. Prompts.Select(q => compiler.AnswerSlotOf(q)!.Value)];
        Standards = [.. model.Standards.Distinct()];
        StandardItems = [.. Standards.Select(s => index[s])];

        Checks = [.. model.AllChecks.Select(c => new CompiledCheck(
            c,
            c.Owner is { } owner && index.TryGetValue(owner, out var o) ? o : -1,
            compiler.CompileTest(c.Condition)))];

        MissingAnswer = [.. schema.Questions.Select(q => (
            Rejected: DiagnosticCatalog.MissingAnswer(Capitalize(q.Display), q.Code, allowed: false).Message,
            Allowed: DiagnosticCatalog.MissingAnswer(Capitalize(q.Display), q.Code, allowed: true).Message))];
        AnswerNotApplicable = [.. schema.Questions.Select(q => DiagnosticCatalog.AnswerForInapplicableItem(q.Display, q.Code).Message)];

        var breakdowns = ImmutableArray.CreateBuilder<CompiledBreakdown>();
        var groups = 0;
        foreach (var breakdown in model.Breakdowns)
        {
            var slot = breakdown.Field is { } field ? schema.FieldSymbols.IndexOf(field) : -1;
            var kind = slot >= 0 ? schema.Fields[slot].Kind : CaseFieldKind.Enum;
            var options = slot >= 0 ? schema.Fields[slot].Options : new OptionList([]);
            var compiled = new CompiledBreakdown(breakdown, groups, slot, kind, options);
            groups += compiled.GroupCount;
            breakdowns.Add(compiled);
        }

        Breakdowns = breakdowns.ToImmutable();
        Layout = new CounterLayout(KeyQuestions.Length, [.. PromptSlots.Select(s => schema.Answers[s].Options.Count)], groups);
    }

    public SemanticModel Model { get; }

    /// <summary>The schema to read case assessments against.</summary>
    public FrameworkCaseSchema Schema { get; }

    /// <summary>The shape of the counters (key questions, prompts and groups in the orders below).</summary>
    public CounterLayout Layout { get; }

    /// <summary>Key questions in counter order (document order).</summary>
    public ImmutableArray<KeyQuestionSymbol> KeyQuestions { get; }

    /// <summary>Prompts in counter order (document order).</summary>
    public ImmutableArray<PromptSymbol> Prompts { get; }

    public ImmutableArray<StandardSymbol> Standards { get; }

    public ImmutableArray<CompiledBreakdown> Breakdowns { get; }

    /// <summary>The <see cref="OptionOutcome"/> of each option, by answer slot and option index.</summary>
    internal ImmutableArray<int[]> OptionOutcomes { get; }

    internal ImmutableArray<CompiledItem> Items { get; }

    /// <summary>How many conditions are shared between items (<see cref="CompiledItem.SharedCondition"/>).</summary>
    internal int SharedConditions { get; }

    internal ImmutableArray<int> ItemOfAnswer { get; }

    internal ImmutableArray<int> KeyQuestionSlots { get; }

    internal ImmutableArray<int> PromptSlots { get; }

    internal ImmutableArray<int> StandardItems { get; }

    internal ImmutableArray<CompiledCheck> Checks { get; }

    internal ImmutableArray<(string Rejected, string Allowed)> MissingAnswer { get; }

    internal ImmutableArray<string> AnswerNotApplicable { get; }

    /// <summary>Compiles a bound framework. The model should have no errors (check it first).</summary>
    public static CompiledFramework Create(SemanticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new CompiledFramework(model, FrameworkCaseSchema.Create(model));
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
