using System.Runtime.CompilerServices;
using Rules.Engine.Input;

namespace Rules.Engine.Evaluation;

/// <summary>
/// One case being evaluated: the record and the memo of which routing classes apply (each decided
/// once per case, when first needed). Reused between cases; not thread-safe (use one
/// <see cref="CaseEvaluator"/> per thread).
/// </summary>
internal sealed class EvaluationScope
{
    /// <summary>A class's state in <see cref="ClassStates"/>: not decided yet, applies, does not apply, being decided.</summary>
    internal const sbyte Unknown = 0, Yes = 1, No = 2, InProgress = 3;

    private readonly sbyte[] _classState;
    private readonly RoutingClass[] _classes;
    private readonly int[] _itemClass;
    private readonly int[] _slotClass;
    private readonly ConditionProgram _program;
    private readonly Func<EvaluationScope, bool>[] _classConditions;
    private readonly Action<EvaluationScope>? _route;
    private readonly int[] _classesWithSlots;
    private readonly ulong[] _classSlotWords;

    public EvaluationScope(CompiledFramework framework, ConditionMethods methods)
    {
        _classConditions = methods.ClassConditions;
        _route = methods.Route;
        _classes = [.. framework.Routing.Classes];
        _itemClass = [.. framework.Routing.ItemClass];
        _slotClass = [.. framework.ItemOfAnswer.Select(item => _itemClass[item])];
        _classState = new sbyte[_classes.Length];
        _program = framework.Program;

        // By routing class: the answer slots of its items, as bit words (bit i of word w: slot 64·w + i).
        var words = AnswerWords(framework);
        AppliesWords = new ulong[words];
        _classSlotWords = new ulong[_classes.Length * words];
        for (var slot = 0; slot < _slotClass.Length; slot++)
            _classSlotWords[(_slotClass[slot] * words) + (slot >> 6)] |= 1UL << (slot & 63);
        _classesWithSlots = [.. Enumerable.Range(0, _classes.Length).Where(c => _classSlotWords.AsSpan(c * words, words).ContainsAnyExcept(0UL))];
    }

    /// <summary>
    /// After <see cref="Route"/>: which answer slots apply, as bit words (bit i of word w: slot 64·w + i).
    /// The checks' compiled methods read answers through it.
    /// </summary>
    public ulong[] AppliesWords { get; }

    public CaseRecord Record { get; private set; } = null!;

    /// <summary>Each routing class's state for this case (<see cref="Unknown"/>, <see cref="Yes"/>, <see cref="No"/>, <see cref="InProgress"/>), for compiled routing.</summary>
    internal sbyte[] ClassStates => _classState;

    public void Begin(CaseRecord record)
    {
        Record = record;
        Array.Clear(_classState);
    }

    /// <summary>The number of 64-bit words of a bit per answer slot.</summary>
    public static int AnswerWords(CompiledFramework framework) => (framework.Schema.Answers.Length + 63) / 64;

    /// <summary>Decides every routing class with answer slots and sets <see cref="AppliesWords"/>: the slots of the classes that apply.</summary>
    public void Route()
    {
        if (_route is { } route)
        {
            route(this);
            return;
        }

        var applies = AppliesWords;
        Array.Clear(applies);
        var classSlots = _classSlotWords;
        foreach (var routingClass in _classesWithSlots)
        {
            if (!ClassApplies(routingClass)) continue;
            var from = routingClass * applies.Length;
            for (var w = 0; w < applies.Length; w++) applies[w] |= classSlots[from + w];
        }
    }

    /// <summary>Whether the routed item applies: its parent applies and its own condition holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Applies(int item) => ClassApplies(_itemClass[item]);

    /// <summary>Whether the items of a routing class apply.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ClassApplies(int routingClass)
    {
        var known = _classState[routingClass];
        if (known == Unknown) return Decide(routingClass);
        return known == Yes; // No, or InProgress: a routing cycle (a compile error) never applies
    }

    /// <summary>The option index answered for a question slot when it applies; -1 otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int AnswerOf(int answerSlot) =>
        ClassApplies(_slotClass[answerSlot]) ? Record.GetAnswer(answerSlot) : CaseRecord.NoAnswer;

    /// <summary>Whether a condition of the framework's program holds for this case.</summary>
    public bool Holds(int condition) => _program.Holds(condition, this);

    private bool Decide(int routingClass)
    {
        _classState[routingClass] = InProgress;
        var decided = _classes[routingClass];
        var applies = (decided.Parent < 0 || ClassApplies(decided.Parent)) && _classConditions[routingClass](this);
        _classState[routingClass] = applies ? Yes : No;
        return applies;
    }
}
