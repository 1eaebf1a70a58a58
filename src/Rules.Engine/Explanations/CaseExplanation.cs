using System.Collections.Immutable;

namespace Rules.Engine.Explanations;

/// <summary>Why one case came out as it did: every item's applicability and answer, the checks and signals that held, and every problem.</summary>
public sealed record CaseExplanation(
    string CaseId,
    string Inspection,
    int Line,
    bool IsRejected,
    ImmutableArray<ItemExplanation> Items,
    ImmutableArray<HeldCheck> Checks,
    ImmutableArray<ExplainedProblem> Problems);

/// <summary>One standard, key question or prompt: whether it applies and why, and its answer.</summary>
/// <param name="Kind">"standard", "key question" or "prompt".</param>
/// <param name="Reason">A sentence for an inspector, e.g. "2.4.1.d does not apply: its condition … does not hold, because …".</param>
/// <param name="Condition">The item's own condition as written, or null when it has none.</param>
/// <param name="Seen">What the condition saw, one phrase per case field or answer it reads.</param>
/// <param name="Answer">The answer given (null for standards and when there is none).</param>
public sealed record ItemExplanation(
    string Code,
    string Kind,
    string Title,
    bool Applies,
    string Reason,
    string? Condition,
    ImmutableArray<string> Seen,
    ExplainedAnswer? Answer);

/// <param name="Option">The option name as given.</param>
/// <param name="Label">The option's label, or null when the option is not in the answer set.</param>
/// <param name="Outcome">"positive", "negative", "not applicable", or "not an option" / "ignored: the item does not apply".</param>
public sealed record ExplainedAnswer(string Option, string? Label, string Outcome);

/// <summary>A check (rejects the case) or signal (a warning) whose condition held.</summary>
public sealed record HeldCheck(bool IsSignal, string Message, string Condition, ImmutableArray<string> Seen);

/// <summary>A problem found with the case (RL1xxx).</summary>
public sealed record ExplainedProblem(string Id, bool IsRejection, string Message);
