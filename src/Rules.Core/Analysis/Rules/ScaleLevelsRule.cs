using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis.Rules;

/// <summary>RL0301: levels best first, bounds and scores strictly descending, bounds in 0–100, last 0%.</summary>
public sealed class ScaleLevelsRule : IFileLintRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RL0301];

    public void Analyze(SemanticModel model, Action<Diagnostic> report) => IFileLintRule.AnalyzeOwnFiles(this, model, null, report);

    void IFileLintRule.AnalyzeFile(FileBinding file, LintCache? cache, Action<Diagnostic> report)
    {
        foreach (var scale in file.Scales)
        {
            var levels = scale.Levels;
            if (levels.Length == 0)
            {
                report(DiagnosticCatalog.ScaleInvalid(scale.Location, $"Scale '{scale.Name}' has no levels; list them best first, the last from 0%."));
                continue;
            }
            for (var i = 0; i < levels.Length; i++)
            {
                var level = levels[i];
                // A level without its score or bound has a syntax error already; judged on a number not written, it
                // would only add findings that go away with the fix.
                if (level.IsIncomplete || (i > 0 && levels[i - 1].IsIncomplete)) continue;
                if (level.Bound is < 0 or > 100)
                    report(DiagnosticCatalog.ScaleInvalid(level.Location, $"Level '{level.Name}' starts at {level.Bound}%, outside 0–100%."));
                if (i > 0 && level.Bound >= levels[i - 1].Bound)
                    report(DiagnosticCatalog.ScaleInvalid(level.Location,
                        $"Level '{level.Name}' starts at {level.Bound}%, which is not below '{levels[i - 1].Name}' ({levels[i - 1].Bound}%); list levels best first with falling bounds.",
                        new RelatedLocation(levels[i - 1].Location, $"Level '{levels[i - 1].Name}', from {levels[i - 1].Bound}%")));
                if (i > 0 && level.Score >= levels[i - 1].Score)
                    report(DiagnosticCatalog.ScaleInvalid(level.Location,
                        $"Level '{level.Name}' scores {level.Score}, which is not below '{levels[i - 1].Name}' ({levels[i - 1].Score}); scores must fall from best to worst.",
                        new RelatedLocation(levels[i - 1].Location, $"Level '{levels[i - 1].Name}', scoring {levels[i - 1].Score}")));
            }
            if (levels[^1].Bound != 0 && !levels[^1].IsIncomplete)
                report(DiagnosticCatalog.ScaleInvalid(levels[^1].Location,
                    $"The last level, '{levels[^1].Name}', must start from 0% so that every percentage has a level; it starts at {levels[^1].Bound}%."));
        }
    }
}
