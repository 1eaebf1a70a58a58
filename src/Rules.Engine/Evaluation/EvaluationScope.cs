using Rules.Engine.Input;

namespace Rules.Engine.Evaluation;

/// <summary>
/// One case being evaluated: the record and the memo of which items apply. Reused between cases;
/// not thread-safe (use one <see cref="CaseEvaluator"/> per thread).
/// </summary>
internal sealed class EvaluationScope(CompiledFramework framework)
{
    private const sbyte Unknown = 0, Yes = 1, No = 2, InProgress = 3;

    private readonly sbyte[] _applies = new sbyte[framework.Items.Length];

    public CompiledFramework Framework { get; } = framework;

    public CaseRecord Record { get; private set; } = null!;

    public void Begin(CaseRecord record)
    {
        Record = record;
        Array.Clear(_applies);
    }

    /// <summary>Whether the routed item applies: its parent applies and its own condition holds.</summary>
    public bool Applies(int item)
    {
        switch (_applies[item])
        {
            case Yes: return true;
            case No: return false;
            case InProgress: return false; // a routing cycle (a compile error) never applies
        }

        _applies[item] = InProgress;
        var compiled = Framework.Items[item];
        var applies = (compiled.Parent < 0 || Applies(compiled.Parent))
                      && (compiled.Condition is null || compiled.Condition(this).IsTrue);
        _applies[item] = applies ? Yes : No;
        return applies;
    }

    /// <summary>The option index answered for a question slot when it applies; -1 otherwise.</summary>
    public int AnswerOf(int answerSlot)
    {
        var item = Framework.ItemOfAnswer[answerSlot];
        return item >= 0 && Applies(item) ? Record.GetAnswer(answerSlot) : CaseRecord.NoAnswer;
    }
}
