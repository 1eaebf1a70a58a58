using Rules.Engine.Aggregation;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rules.Engine.Input;

namespace Rules.Engine.Evaluation;

/// <summary>
/// Evaluates case records against a <see cref="CompiledFramework"/>: decides which items apply,
/// adds RL1004 (missing answer), RL1102 (answer for an item that does not apply), RL1005 (check)
/// and RL1101 (signal) to the record, and counts evaluated cases. Same meaning as Rules.Core's
/// ReferenceInterpreter; allocates only for problems. Not thread-safe: one per thread.
/// </summary>
public sealed class CaseEvaluator
{
    private EvaluationScope _scope;
    private readonly int[] _groups;
    private readonly CompiledCheck[] _checks;
    private Func<EvaluationScope, ulong>[] _checkWords;
    private ulong[] _appliesWords;
    private readonly int[] _keySlots;
    private readonly int[] _promptSlots;
    private readonly int[] _promptFirstCell;
    private readonly int[] _promptCells;
    private readonly ulong[] _positiveMask;
    private readonly bool _keyOptionsFitMask;
    private readonly ushort[] _block;
    private readonly CompiledBreakdown[] _breakdowns;
    private readonly (int Slot, ulong PositiveMask)[] _keyPlan;
    private readonly (int Slot, int FirstCell)[] _promptPlan;
    private readonly CompiledBreakdown[] _tableBreakdowns;
    private readonly int[] _tableSlots;
    private readonly int[][] _groupOfWholeValue;
    private readonly CompiledBreakdown[] _otherBreakdowns;
    private InspectionCounters? _checkedCounters;
    private Task<ConditionMethods>? _compiling;
    private int _untilLook;

    /// <summary>
    /// An evaluator of the framework. It runs the conditions from the framework's program until
    /// their compiled methods are ready (compiled once per framework, on a thread-pool thread), then
    /// uses those: both decide exactly the same, only the speed differs.
    /// </summary>
    public CaseEvaluator(CompiledFramework framework)
        : this(framework, (framework ?? throw new ArgumentNullException(nameof(framework))).ProgramMethods)
    {
        _compiling = framework.MethodsCompiling;
        TakeCompiledMethods();
    }

    /// <summary>An evaluator that decides conditions with the given methods (tests: compiled or run from the program).</summary>
    internal CaseEvaluator(CompiledFramework framework, ConditionMethods methods)
    {
        ArgumentNullException.ThrowIfNull(framework);
        Framework = framework;
        _scope = new EvaluationScope(framework, methods);
        _groups = new int[framework.Layout.BreakdownGroups + 1]; // + 1: a table breakdown writes its group before deciding to keep it
        _checks = [.. framework.Checks];
        _checkWords = methods.CheckWords;
        UsesCompiledMethods = methods.IsCompiled;

        _appliesWords = _scope.AppliesWords;
        _keySlots = [.. framework.KeyQuestionSlots];
        _promptSlots = [.. framework.PromptSlots];
        _promptFirstCell = new int[_promptSlots.Length];
        for (var p = 1; p < _promptSlots.Length; p++) _promptFirstCell[p] = _promptFirstCell[p - 1] + framework.Layout.PromptOptions[p - 1];
        _promptCells = new int[_promptSlots.Length];
        // By answer slot: the positive options as a bit mask (answer sets have at most 64 options here, else exactly by OptionOutcomes).
        _positiveMask = [.. framework.OptionOutcomes.Select(outcomes => outcomes.Length > 64 ? 0UL : outcomes
            .Select((o, i) => o == (int)Rules.Core.Semantics.OptionOutcome.Positive ? 1UL << i : 0UL).Aggregate(0UL, (a, b) => a | b))];
        _keyOptionsFitMask = _keySlots.All(slot => framework.OptionOutcomes[slot].Length <= 64);
        _block = new ushort[InspectionCounters.BlockLength(framework.Layout.KeyQuestions)];
        _breakdowns = [.. framework.Breakdowns];
        _keyPlan = [.. _keySlots.Select(slot => (slot, _positiveMask[slot]))];
        _promptPlan = [.. _promptSlots.Select((slot, p) => (slot, _promptFirstCell[p]))];
        var answerSlots = framework.Schema.Answers.Length;
        if (_keySlots.Concat(_promptSlots).Any(slot => (uint)slot >= (uint)answerSlots) || _appliesWords.Length * 64 < answerSlots)
            throw new InvalidOperationException("An answer slot is outside the schema.");

        // Breakdowns whose groups a value finds in a table (most), and the others (sets, overlapping groups).
        _tableBreakdowns = [.. _breakdowns.Where(b => b.GroupOfWholeValue() is not null)];
        _tableSlots = [.. _tableBreakdowns.Select(b => b.Slot)];
        _groupOfWholeValue = [.. _tableBreakdowns.Select(b => b.GroupOfWholeValue()!)];
        _otherBreakdowns = [.. _breakdowns.Where(b => b.GroupOfWholeValue() is null)];
    }

    public CompiledFramework Framework { get; }

    /// <summary>True once the evaluator decides conditions with compiled methods.</summary>
    internal bool UsesCompiledMethods { get; private set; }

    /// <summary>
    /// Evaluates the record (read against <see cref="CompiledFramework.Schema"/>) and adds its
    /// problems to it. With <paramref name="allowMissing"/>, a missing answer is a warning and the
    /// item is left out of the case's counts. Afterwards <see cref="Applies"/> answers for this case.
    /// </summary>
    public void Evaluate(CaseRecord record, bool allowMissing = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!ReferenceEquals(record.Schema, Framework.Schema))
            throw new ArgumentException("The record was read against another schema.", nameof(record));
        if (_compiling is not null && --_untilLook <= 0) TakeCompiledMethods();
        var scope = _scope;
        scope.Begin(record);

        // Which answer slots apply: the slots of every routing class that applies (each decided once).
        scope.Route();
        var applies = _appliesWords;

        // Validation: an answer is missing where an item applies and none is given, and unexpected where one is given but the item does not apply.
        var given = record.AnswerGivenWords;
        for (var w = 0; w < applies.Length; w++)
        {
            var differ = applies[w] ^ given[w];
            while (differ != 0)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(differ);
                differ &= differ - 1;
                var slot = (w << 6) + bit;
                var code = Framework.Schema.Questions[slot].Code;
                if ((applies[w] >> bit & 1) != 0)
                {
                    var messages = Framework.MissingAnswer[slot];
                    Add(record, ProblemIds.MissingAnswer, allowMissing ? ProblemSeverity.Warning : ProblemSeverity.Rejection,
                        allowMissing ? messages.Allowed : messages.Rejected, code);
                }
                else
                {
                    Add(record, ProblemIds.AnswerNotApplicable, ProblemSeverity.Warning, Framework.AnswerNotApplicable[slot], code);
                }
            }
        }

        // Checks and signals, 64 at a time: the bits of those that hold (their owner applying), in check order.
        var checkWords = _checkWords;
        for (var chunk = 0; chunk < checkWords.Length; chunk++)
        {
            var held = checkWords[chunk](scope);
            while (held != 0)
            {
                var check = _checks[(chunk << 6) + System.Numerics.BitOperations.TrailingZeroCount(held)];
                held &= held - 1;
                if (check.Symbol.IsSignal)
                    Add(record, ProblemIds.Signal, ProblemSeverity.Warning, check.Symbol.Message, check.Symbol.Owner?.Code);
                else
                    Add(record, ProblemIds.CheckFailed, ProblemSeverity.Rejection, check.Symbol.Message, check.Symbol.Owner?.Code);
            }
        }
    }

    /// <summary>Switches to the compiled methods when they are ready (looked at again after 256 cases); stays with the program if compiling failed.</summary>
    private void TakeCompiledMethods()
    {
        _untilLook = 256;
        if (_compiling is not { IsCompleted: true } done) return;
        _compiling = null;
        if (!done.IsCompletedSuccessfully) return;
        var methods = done.Result;
        _scope = new EvaluationScope(Framework, methods);
        _appliesWords = _scope.AppliesWords;
        _checkWords = methods.CheckWords;
        UsesCompiledMethods = methods.IsCompiled;
    }

    /// <summary>Whether a key question, prompt or standard applies to the record last evaluated.</summary>
    public bool Applies(Rules.Core.Semantics.RoutedSymbol item)
    {
        ArgumentNullException.ThrowIfNull(item);
        for (var i = 0; i < Framework.Items.Length; i++)
        {
            if (ReferenceEquals(Framework.Items[i].Symbol, item)) return _scope.Applies(i);
        }

        return false;
    }

    /// <summary>
    /// Counts the record last evaluated into <paramref name="counters"/> (call only when it is not
    /// rejected): the case, each applicable and answered key question and prompt, and its breakdown groups.
    /// </summary>
    public void Count(InspectionCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        if (!ReferenceEquals(counters, _checkedCounters))
        {
            var layout = counters.Layout;
            if (layout.KeyQuestions != Framework.Layout.KeyQuestions || layout.BreakdownGroups != Framework.Layout.BreakdownGroups
                || !layout.PromptOptions.SequenceEqual(Framework.Layout.PromptOptions))
                throw new ArgumentException("The counters have another framework's layout.", nameof(counters));
            _checkedCounters = counters;
        }

        var scope = _scope;
        var record = scope.Record;
        var groupCount = GroupsOf(record, _groups);

        // The case's block: 1 for each key question that applies and is answered, then 1 for each positive answer.
        // (Which answer slots apply was noted by Evaluate.) Slots were checked against the schema when the
        // evaluator was made, and the record was read against that schema (Evaluate checks), so no bounds checks.
        var block = _block;
        ref var answers = ref MemoryMarshal.GetReference(record.Answers);
        ref var applies = ref MemoryMarshal.GetArrayDataReference(_appliesWords);
        if (_keyOptionsFitMask)
        {
            // Without branches on the answers: 1 when the key question applies and is answered, then 1 more when the answer is positive.
            ref var blockStart = ref MemoryMarshal.GetArrayDataReference(block);
            ref var positives = ref Unsafe.Add(ref blockStart, block.Length / 2);
            var keys = _keyPlan;
            for (var k = 0; k < keys.Length; k++)
            {
                var key = keys[k];
                var option = AnswerIfApplies(ref answers, ref applies, key.Slot);
                var given = (option >> 31) + 1;
                Unsafe.Add(ref blockStart, k) = (ushort)given;
                Unsafe.Add(ref positives, k) = (ushort)((int)(key.PositiveMask >> (option & 63)) & given);
            }
        }
        else
        {
            var half = block.Length / 2;
            for (var k = 0; k < _keyPlan.Length; k++)
            {
                var slot = _keyPlan[k].Slot;
                var option = AnswerIfApplies(ref answers, ref applies, slot);
                block[k] = (ushort)(option >= 0 ? 1 : 0);
                block[half + k] = (ushort)(option >= 0 && Framework.OptionOutcomes[slot][option] == (int)Rules.Core.Semantics.OptionOutcome.Positive ? 1 : 0);
            }
        }

        counters.CountCase(block, _groups.AsSpan(0, groupCount));

        // The answered prompts that apply, as counter cells (the prompt's first option's cell + the option).
        var prompts = _promptPlan;
        var cells = _promptCells;
        ref var cell = ref MemoryMarshal.GetArrayDataReference(cells);
        var answered = 0;
        for (var p = 0; p < prompts.Length; p++)
        {
            // Written every time, kept (the count moves on) only for an answer to a prompt that applies.
            var prompt = prompts[p];
            var option = AnswerIfApplies(ref answers, ref applies, prompt.Slot);
            Unsafe.Add(ref cell, answered) = prompt.FirstCell + option;
            answered += (option >> 31) + 1;
        }

        counters.CountPromptCells(cells.AsSpan(0, answered));
    }

    /// <summary>
    /// Writes the global index of every breakdown group the case belongs to into <paramref name="groups"/>
    /// (at least <see cref="CounterLayout.BreakdownGroups"/> + 1 long) and gives how many.
    /// </summary>
    internal int GroupsOf(CaseRecord record, int[] groups)
    {
        if (groups.Length <= Framework.Layout.BreakdownGroups) throw new ArgumentException("The buffer is too small.", nameof(groups));

        // By table for a whole value (enum options, booleans, small whole numbers), else by the breakdown.
        var groupCount = 0;
        var tableSlots = _tableSlots;
        var tables = _groupOfWholeValue;
        for (var b = 0; b < tableSlots.Length; b++)
        {
            // Without branches on the values: the group is always written, and kept when the field has a value and the
            // value a group (a field without a value holds 0, so it usually takes this path too, and is not kept).
            var slot = tableSlots[b];
            var value = record.GetNumber(slot);
            var whole = (int)value;
            var table = tables[b];
            if ((uint)whole < (uint)table.Length && whole == value)
            {
                var group = table[whole];
                groups[groupCount] = group;
                groupCount += (record.HasValue(slot) ? 1 : 0) & ~(group >> 31);
            }
            else
            {
                groupCount = _tableBreakdowns[b].AddGroupsOf(record, groups, groupCount);
            }
        }

        foreach (var breakdown in _otherBreakdowns) groupCount = breakdown.AddGroupsOf(record, groups, groupCount);
        return groupCount;
    }

    /// <summary>The answer in the slot when its item applies (its bit in the applies words), else -1; without branches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AnswerIfApplies(ref int answers, ref ulong applies, int slot)
    {
        var itemApplies = (int)(Unsafe.Add(ref applies, slot >> 6) >> slot) & 1;
        return Unsafe.Add(ref answers, slot) | (itemApplies - 1); // not applying: -1 | answer = -1
    }

    private static void Add(CaseRecord record, string id, ProblemSeverity severity, string detail, string? subject) =>
        record.AddProblem(new RecordProblem(id, severity, detail, record.Id, record.Line, subject));
}
