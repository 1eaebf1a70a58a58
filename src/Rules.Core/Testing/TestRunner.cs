using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Evaluation;
using Rules.Core.Semantics;
using Rules.Core.Syntax;

namespace Rules.Core.Testing;

/// <summary>The outcome of one <c>test</c> block: passed, or the RL0501 of each failed expectation.</summary>
public sealed record TestResult(TestSymbol Test, ImmutableArray<Diagnostic> Failures, CaseEvaluation Evaluation)
{
    public bool Passed => Failures.IsEmpty;
}

/// <summary>Runs a framework's <c>test</c> blocks through the reference interpreter.</summary>
public static class TestRunner
{
    public static ImmutableArray<TestResult> Run(SemanticModel model)
    {
        var interpreter = new ReferenceInterpreter(model);
        return [.. model.Tests.Select(t => Run(interpreter, t))];
    }

    public static TestResult Run(ReferenceInterpreter interpreter, TestSymbol test)
    {
        var assessment = new CaseAssessment(
            test.Name,
            "",
            test.CaseValues.GroupBy(v => v.Field).ToImmutableDictionary(g => g.Key, g => g.First().Value),
            test.Answers.GroupBy(a => a.Code).ToImmutableDictionary(g => g.Key, g => g.First().Option));
        var evaluation = interpreter.Evaluate(assessment);
        var failures = new List<Diagnostic>();
        foreach (var expectation in test.Expectations)
        {
            var failure = Judge(expectation, evaluation);
            if (failure is not null)
                failures.Add(DiagnosticCatalog.TestFailed(expectation.Location, test.Name, failure.Value.Expected, failure.Value.Actual));
        }
        return new TestResult(test, [.. failures], evaluation);
    }

    private static (string Expected, string Actual)? Judge(TestExpectation expectation, CaseEvaluation evaluation)
    {
        var item = expectation.Item;
        var code = expectation.Code ?? "";
        switch (expectation.Kind)
        {
            case ExpectationKind.Valid:
                return evaluation.IsRejected
                    ? ("the case to be valid", "it was rejected: " + string.Join("; ", evaluation.Problems.Where(p => p.IsRejection).Select(p => $"{p.Id} {p.Message}")))
                    : null;
            case ExpectationKind.Invalid:
                return evaluation.IsRejected ? null : ("the case to be rejected", "it was valid");
            case ExpectationKind.Signal:
                return evaluation.RaisedSignals.Any(s => s.Message == expectation.Message)
                    ? null
                    : ($"the signal \"{expectation.Message}\"",
                        evaluation.RaisedSignals.IsEmpty ? "no signal was raised" : "only " + string.Join(", ", evaluation.RaisedSignals.Select(s => $"\"{s.Message}\"")) + " was raised");
        }
        if (item is null) return null; // RL0102 already reported
        var applies = evaluation.AppliesTo(item);
        var answer = evaluation.AnswerOf(item);
        return expectation.Kind switch
        {
            ExpectationKind.Applicable when !applies => ($"{code} to apply", $"it does not apply{Why(item, evaluation)}"),
            ExpectationKind.NotApplicable when applies => ($"{code} not to apply", $"it applies{Why(item, evaluation)}"),
            ExpectationKind.Positive when answer?.Outcome != OptionOutcome.Positive => ($"{code} to be positive", Describe(code, applies, answer)),
            ExpectationKind.Negative when answer?.Outcome != OptionOutcome.Negative => ($"{code} to be negative", Describe(code, applies, answer)),
            ExpectationKind.AnsweredWith when answer?.Name != expectation.Option => ($"{code} to be answered '{expectation.Option}'", Describe(code, applies, answer)),
            _ => null,
        };
    }

    private static string Describe(string code, bool applies, AnswerOptionSymbol? answer) =>
        !applies ? $"{code} does not apply"
        : answer is null ? $"{code} has no answer"
        : $"it was answered '{answer.Name}' ({answer.Outcome switch { OptionOutcome.Positive => "positive", OptionOutcome.NotApplicable => "not applicable", _ => "negative" }})";

    private static string Why(RoutedSymbol item, CaseEvaluation evaluation)
    {
        for (RoutedSymbol? s = item; s is not null; s = s.Parent)
        {
            if (s.Condition is null) continue;
            var text = s.Condition.Syntax?.ToString().Trim();
            var holds = s.Parent is null || evaluation.AppliesTo(s.Parent) ? evaluation.AppliesTo(s) : false;
            if (!evaluation.AppliesTo(item) && s.Parent is not null && !evaluation.AppliesTo(s.Parent)) continue;
            return $" (the condition of {s.Display}, '{text}', {(holds ? "holds" : "does not hold")})";
        }
        return "";
    }
}
