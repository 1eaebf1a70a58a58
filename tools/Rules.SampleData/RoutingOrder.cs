using System.Collections.Immutable;
using Rules.Core.Semantics;

namespace Rules.SampleData;

/// <summary>
/// The key questions and prompts in the order they can be decided: an item comes after its key
/// question and after every item its conditions (or its standard's) refer to, directly or through
/// <c>any/all/none/count(2.4.1.* ...)</c>. Ties keep the framework's order.
/// </summary>
public static class RoutingOrder
{
    public static ImmutableArray<QuestionSymbol> Of(SemanticModel model)
    {
        var questions = FrameworkOrder.Questions(model);
        var position = questions.Select((q, i) => (q, i)).ToDictionary(x => x.q, x => x.i);
        var dependencies = questions.ToDictionary(q => q, q => DependenciesOf(q).Where(position.ContainsKey).ToHashSet());
        var ordered = new List<QuestionSymbol>(questions.Length);
        var done = new HashSet<QuestionSymbol>();
        while (ordered.Count < questions.Length)
        {
            var next = questions.FirstOrDefault(q => !done.Contains(q) && dependencies[q].All(done.Contains))
                ?? throw new SampleDataException(
                    "The framework's conditions refer to each other in a cycle ("
                    + string.Join(", ", questions.Where(q => !done.Contains(q)).Select(q => q.Code))
                    + "); no order of answering exists.");
            done.Add(next);
            ordered.Add(next);
        }
        return [.. ordered];
    }

    private static IEnumerable<QuestionSymbol> DependenciesOf(QuestionSymbol question)
    {
        if (question is PromptSymbol prompt) yield return prompt.KeyQuestion;
        foreach (var (_, condition) in question.ConditionChain())
        foreach (var referenced in Referenced(condition))
            if (referenced != question)
                yield return referenced;
    }

    /// <summary>The key questions and prompts whose answers an expression reads.</summary>
    public static IEnumerable<QuestionSymbol> Referenced(BoundExpression expression) => ConditionReferences.QuestionsReadBy(expression);
}
