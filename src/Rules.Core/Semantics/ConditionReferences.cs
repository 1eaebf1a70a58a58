namespace Rules.Core.Semantics;

/// <summary>
/// The questions whose answers a condition reads: those it names, and the prompts of the key question of
/// an <c>any/all/none/count(2.4.1.* ...)</c>. Routing order, routing cycles and sample data all need it.
/// </summary>
public static class ConditionReferences
{
    /// <summary>The questions the condition reads, each once, in the order it first reads them.</summary>
    public static IReadOnlyList<QuestionSymbol> QuestionsReadBy(BoundExpression condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var questions = new List<QuestionSymbol>();
        Add(condition, questions);
        return questions;
    }

    private static void Add(BoundExpression condition, List<QuestionSymbol> questions)
    {
        switch (condition)
        {
            case BoundQuestionReference q:
                AddOnce(q.Question, questions);
                break;
            case BoundAggregate a:
                foreach (var prompt in a.KeyQuestion.Prompts) AddOnce(prompt, questions);
                break;
            case BoundNot n:
                Add(n.Operand, questions);
                break;
            case BoundIs i:
                Add(i.Operand, questions);
                break;
            case BoundBinary b:
                Add(b.Left, questions);
                Add(b.Right, questions);
                break;
        }
    }

    // A condition reads a handful of questions: a scan beats hashing.
    private static void AddOnce(QuestionSymbol question, List<QuestionSymbol> questions)
    {
        foreach (var known in questions)
            if (ReferenceEquals(known, question)) return;
        questions.Add(question);
    }
}
