using Rules.Core.Evaluation;

namespace Rules.Core.Diagnostics;

/// <summary>Messages for problems in case data (RL1xxx), worded for inspectors and analysts.</summary>
public static partial class DiagnosticCatalog
{
    private static CaseProblem Problem(DiagnosticDescriptor d, string message, string? code = null) =>
        new(d, d.DefaultSeverity, message, code);

    public static CaseProblem UnreadableRecord(string reason) => Problem(RL1001, reason);

    public static CaseProblem MissingId() => Problem(RL1001, "The record has no \"id\"; every case needs one.");

    public static CaseProblem UnknownCode(string code) =>
        Problem(RL1002, $"An answer is given for {code}, but the framework has no key question or prompt {code}.", code);

    public static CaseProblem OptionNotInSet(string code, string option, string set, IEnumerable<string> options) =>
        Problem(RL1003, $"The answer '{option}' for {code} is not one of its options ({string.Join(", ", options)}) in answer set '{set}'.", code);

    public static CaseProblem AnswerNotText(string code) =>
        Problem(RL1003, $"The answer for {code} must be an option name in quotes.", code);

    public static CaseProblem FieldValueNotAllowed(string field, string value, string expected) =>
        Problem(RL1003, $"Case field '{field}' has the value {value}, but it takes {expected}.", field);

    public static CaseProblem MissingAnswer(string item, string code, bool allowed) =>
        new(RL1004, allowed ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
            $"{item} applies to this case but has no answer{(allowed ? "; it is left out of this case's counts" : "")}.", code);

    public static CaseProblem CheckFailed(string message) => Problem(RL1005, message);

    public static CaseProblem DuplicateId(string id, int firstLine) =>
        Problem(RL1006, $"The id '{id}' was already used by the case on line {firstLine}; case ids must be unique.");

    public static CaseProblem SignalRaised(string message) => Problem(RL1101, message);

    public static CaseProblem AnswerForInapplicableItem(string item, string code) =>
        Problem(RL1102, $"An answer is given for {item}, which does not apply to this case; the answer is ignored.", code);

    public static CaseProblem UnknownField(string field) =>
        Problem(RL1103, $"The input has a case field '{field}' that the framework does not declare; it is ignored.", field);
}
