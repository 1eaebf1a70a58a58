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
    private readonly Lazy<Task<ConditionMethods>> _methods;
    private readonly Lazy<ConditionMethods> _programMethods;

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
        ItemOfAnswer = [.. schema.Questions.Select(q => index[q])];
        var parents = symbols.Select(s => s.Parent is { } parent && index.TryGetValue(parent, out var p) ? p : -1).ToList();
        Routing = RoutingPlan.Create([.. symbols.Select((s, i) => (parents[i], s.Condition))], ItemOfAnswer, compiler);
        Items = [.. symbols.Select((s, i) => new CompiledItem(s, parents[i], s.Condition, Routing.ItemClass[i]))];

        KeyQuestions = [.. model.KeyQuestions.Where(q => compiler.AnswerSlotOf(q) is not null)];
        Prompts = [.. model.Prompts.Where(q => compiler.AnswerSlotOf(q) is not null)];
        KeyQuestionSlots = [.. KeyQuestions.Select(q => compiler.AnswerSlotOf(q)!.Value)];
        PromptSlots = [.. Prompts.Select(q => compiler.AnswerSlotOf(q)!.Value)];
        Standards = [.. model.Standards.Distinct()];
        StandardItems = [.. Standards.Select(s => index[s])];

        Checks = [.. model.AllChecks.Select(c => c.Owner is { } owner && index.TryGetValue(owner, out var o)
            ? new CompiledCheck(c, o, Routing.ItemClass[o], compiler.CompileCondition(c.Condition))
            : new CompiledCheck(c, -1, -1, compiler.CompileCondition(c.Condition)))];
        Program = compiler.BuildProgram();
        var slotClass = ItemOfAnswer.Select(item => Routing.ItemClass[item]).ToArray();
        (int OwnerClass, int Condition)[] checks = [.. Checks.Select(c => (c.OwnerClass, c.Condition))];
        _methods = new Lazy<Task<ConditionMethods>>(() => Task.Run(() => ConditionMethods.Create(Program, Routing.Classes, checks, slotClass)));
        _programMethods = new Lazy<ConditionMethods>(() => ConditionMethods.Create(Program, Routing.Classes, checks, slotClass, compile: false));

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

    /// <summary>Which items apply together (<see cref="RoutingClass"/>).</summary>
    internal RoutingPlan Routing { get; }

    /// <summary>Every routing condition, check and signal, compiled.</summary>
    internal ConditionProgram Program { get; }

    /// <summary>The program's routing conditions and checks as compiled methods (waits for <see cref="MethodsCompiling"/>).</summary>
    internal ConditionMethods Methods => _methods.Value.GetAwaiter().GetResult();

    /// <summary>
    /// The compiled methods, compiled on a thread-pool thread from the first call on (compiling
    /// takes 60–90 ms, mostly the first use of System.Linq.Expressions: a run of a few thousand
    /// cases is over sooner, so evaluators run the program until the methods are ready).
    /// </summary>
    internal Task<ConditionMethods> MethodsCompiling => _methods.Value;

    /// <summary>The same methods running the program (no compiling).</summary>
    internal ConditionMethods ProgramMethods => _programMethods.Value;

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
