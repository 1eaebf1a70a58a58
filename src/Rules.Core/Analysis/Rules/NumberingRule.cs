using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis.Rules;

/// <summary>RL0403: prompt letters run a, b, c… without gaps; key question numbers ascend.</summary>
public sealed class NumberingRule : IFileLintRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RL0403];

    public void Analyze(SemanticModel model, Action<Diagnostic> report) => IFileLintRule.AnalyzeOwnFiles(this, model, null, report);

    void IFileLintRule.AnalyzeFile(FileBinding file, LintCache? cache, Action<Diagnostic> report)
    {
        foreach (var question in file.Questions)
        {
            if (question is not KeyQuestionSymbol keyQuestion) continue;
            for (var i = 0; i < keyQuestion.Prompts.Length; i++)
            {
                var expected = (char)('a' + i);
                var prompt = keyQuestion.Prompts[i];
                if (prompt.Letter[0] == expected) continue;
                report(DiagnosticCatalog.Numbering(prompt.Location,
                    $"Prompt letters of key question {keyQuestion.Code} should run a, b, c… in order; expected '{expected}' here but found '{prompt.Letter}'."));
                break;
            }
        }
        foreach (var standard in file.Standards)
        {
            var previous = 0;
            foreach (var keyQuestion in standard.KeyQuestions)
            {
                var last = keyQuestion.Code.Split('.')[^1];
                if (!int.TryParse(last, out var number)) continue;
                if (number <= previous)
                    report(DiagnosticCatalog.Numbering(keyQuestion.Location,
                        $"Key question {keyQuestion.Code} comes after {standard.Code}.{previous}; number key questions in ascending order."));
                previous = Math.Max(previous, number);
            }
        }
    }
}
