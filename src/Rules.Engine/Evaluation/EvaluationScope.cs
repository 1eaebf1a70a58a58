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
    private const sbyte Unknown = 0, Yes = 1, No = 2, InProgress = 3;

    private readonly sbyte[] _classState;
    private readonly RoutingClass[] _classes;
    private readonly int[] _itemClass;
    private readonly int[] _slotClass;
    private readonly ConditionProgram _program;
    private readonly Func<EvaluationScope, bool>[] _classConditions;

    public EvaluationScope(CompiledFramework framework, ConditionMethods methods)
    {
        _classConditions = methods.ClassConditions;
        _classes = [.. framework.Routing.Classes];
        _itemClass = [.. framework.Routing.ItemClass];
        _slotClass = [.. framework.ItemOfAnswer.Select(item => _itemClass[item])];
        _classState = new sbyte[_classes.Length];
        _program = framework.Program;
    }

    public CaseRecord Record { get; private set; } = null!;

    public void Begin(CaseRecord record)
    {
        Record = record;
        Array.Clear(_classState);
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
