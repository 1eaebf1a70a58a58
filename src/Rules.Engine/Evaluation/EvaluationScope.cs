using System.Runtime.CompilerServices;
using Rules.Engine.Input;

namespace Rules.Engine.Evaluation;

/// <summary>
/// One case being evaluated: the record and the memo of which items apply. Reused between cases;
/// not thread-safe (use one <see cref="CaseEvaluator"/> per thread).
/// </summary>
internal sealed class EvaluationScope
{
    private const sbyte Unknown = 0, Yes = 1, No = 2, InProgress = 3;

    private readonly sbyte[] _applies;
    private readonly sbyte[] _initial;
    private readonly sbyte[] _sharedConditions;
    private readonly CompiledItem[] _items;
    private readonly int[] _itemOfAnswer;

    public EvaluationScope(CompiledFramework framework)
    {
        Framework = framework;
        _items = [.. framework.Items];
        _itemOfAnswer = [.. framework.ItemOfAnswer];
        _applies = new sbyte[_items.Length];
        _sharedConditions = new sbyte[framework.SharedConditions];

        // Items with no condition of their own or above them apply to every case: known before any case is read.
        _initial = new sbyte[_items.Length];
        for (var i = 0; i < _items.Length; i++)
        {
            if (AlwaysApplies(i)) _initial[i] = Yes;
        }
    }

    public CompiledFramework Framework { get; }

    public CaseRecord Record { get; private set; } = null!;

    public void Begin(CaseRecord record)
    {
        Record = record;
        _initial.CopyTo(_applies, 0);
        Array.Clear(_sharedConditions);
    }

    /// <summary>Whether the routed item applies: its parent applies and its own condition holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Applies(int item)
    {
        var known = _applies[item];
        if (known == Unknown) return Decide(item);
        return known == Yes; // No, or InProgress: a routing cycle (a compile error) never applies
    }

    /// <summary>The option index answered for a question slot when it applies; -1 otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int AnswerOf(int answerSlot) =>
        Applies(_itemOfAnswer[answerSlot]) ? Record.GetAnswer(answerSlot) : CaseRecord.NoAnswer;

    /// <summary>The item's condition; a condition shared with other items is tested once per case.</summary>
    private bool Holds(CompiledItem item)
    {
        var shared = item.SharedCondition;
        if (shared < 0) return item.Condition!(this);
        var known = _sharedConditions[shared];
        if (known != Unknown) return known == Yes;
        var holds = item.Condition!(this);
        _sharedConditions[shared] = holds ? Yes : No;
        return holds;
    }

    private bool AlwaysApplies(int item)
    {
        for (var steps = 0; item >= 0; steps++)
        {
            if (steps > _items.Length || _items[item].Condition is not null) return false; // a cycle, or a condition
            item = _items[item].Parent;
        }

        return true;
    }

    private bool Decide(int item)
    {
        _applies[item] = InProgress;
        var compiled = _items[item];
        var applies = (compiled.Parent < 0 || Applies(compiled.Parent))
                      && (compiled.Condition is null || Holds(compiled));
        _applies[item] = applies ? Yes : No;
        return applies;
    }
}
