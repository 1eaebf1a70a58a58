using Rules.Core.Semantics;

namespace Rules.Engine.Evaluation;

/// <summary>
/// <c>any</c>, <c>all</c> or <c>none</c> over a key question's prompts: the prompts' answer slots
/// and, for each, the options that match as a bit mask (answer sets of at most 64 options, so an
/// answer, an option index, is below 64).
/// Prompts that do not apply or are not answered are left out; <c>all</c> of nothing holds.
/// </summary>
internal sealed record PromptAggregate(AggregateFunction Function, int[] Slots, ulong[] Masks)
{
    public bool Holds(EvaluationScope scope)
    {
        var slots = Slots;
        var masks = Masks;
        int considered = 0, matched = 0;
        for (var i = 0; i < slots.Length; i++)
        {
            // Without branches on the answer: a prompt with no answer (-1) counts for neither.
            var answer = scope.AnswerOf(slots[i]);
            var answered = answer >= 0 ? 1 : 0;
            considered += answered;
            matched += (int)(masks[i] >> (answer & 63) & 1) & answered;
        }

        return Function switch
        {
            AggregateFunction.Any => matched > 0,
            AggregateFunction.All => matched == considered,
            _ => matched == 0,
        };
    }
}
