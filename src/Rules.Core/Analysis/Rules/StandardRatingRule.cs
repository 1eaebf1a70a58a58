using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;
using Rules.Core.Syntax;

namespace Rules.Core.Analysis.Rules;

/// <summary>RL0303: every standard says how it is rated, and one rated by its key questions has some.</summary>
public sealed class StandardRatingRule : IFileLintRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RL0303];

    public void Analyze(SemanticModel model, Action<Diagnostic> report) => IFileLintRule.AnalyzeOwnFiles(this, model, null, report);

    void IFileLintRule.AnalyzeFile(FileBinding file, LintCache? cache, Action<Diagnostic> report)
    {
        foreach (var standard in file.Standards)
        {
            if (standard.Rating is null)
                report(DiagnosticCatalog.RatingRuleInvalid(standard.Location,
                    $"Standard {standard.Code} does not say how it is rated; add 'rated by lowest key_question', 'rated by inspector' or 'not rated'."));
            else if (standard.Rating == RatingMethod.LowestKeyQuestion && standard.KeyQuestions.Length == 0)
                report(DiagnosticCatalog.RatingRuleInvalid(standard.Location,
                    $"Standard {standard.Code} is rated by its lowest key question but has no key questions; add them or rate it 'by inspector'."));
        }
    }
}
