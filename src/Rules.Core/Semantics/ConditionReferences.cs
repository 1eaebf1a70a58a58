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
        return new QuestionsRead().Read(condition);
    }

    /// <summary>Reads conditions one after another into the same list (a search over a framework reads thousands).</summary>
    internal sealed class QuestionsRead : BoundExpressionWalker
    {
        private List<QuestionSymbol> Questions { get; } = [];

        /// <summary>The questions the condition reads, as <see cref="QuestionsReadBy"/> gives them; the list is the
        /// reader's own, valid until the next call.</summary>
        public List<QuestionSymbol> Read(BoundExpression condition)
        {
            ArgumentNullException.ThrowIfNull(condition);
            Questions.Clear();
            Walk(condition);
            return Questions;
        }

        protected override void VisitQuestion(BoundQuestionReference reference) => AddOnce(reference.Question);

        protected override void VisitAggregate(BoundAggregate aggregate)
        {
            foreach (var prompt in aggregate.KeyQuestion.Prompts) AddOnce(prompt);
        }

        // A condition reads a handful of questions: a scan beats hashing.
        private void AddOnce(QuestionSymbol question)
        {
            foreach (var known in Questions)
                if (ReferenceEquals(known, question)) return;
            Questions.Add(question);
        }
    }
}
