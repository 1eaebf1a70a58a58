using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis;

/// <summary>
/// A lint rule whose findings in a file depend only on what the file declares and what its declarations point at
/// (answer sets, fields, the questions its conditions read). Those are unchanged for as long as the file's binding
/// is reused, so the findings are kept with the binding: after an edit, only the files bound again are linted.
/// </summary>
internal interface IFileLintRule : ILintRule
{
    void AnalyzeFile(FileBinding file, LintCache? cache, Action<Diagnostic> report);

    /// <summary>The rule over every own file of a model, without keeping anything.</summary>
    static void AnalyzeOwnFiles(IFileLintRule rule, SemanticModel model, LintCache? cache, Action<Diagnostic> report)
    {
        foreach (var file in model.Files)
            if (!file.Imported) rule.AnalyzeFile(file, cache, report);
    }
}
