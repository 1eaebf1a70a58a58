using Rules.Core.Diagnostics;
using Rules.Core.Syntax;

namespace Rules.Core.Analysis;

/// <summary>
/// A lint rule whose findings in a file depend on that file's syntax alone, so they are worked out per file and
/// kept while the file is unchanged (<see cref="LintCache"/>).
/// </summary>
public interface ISyntaxLintRule : ILintRule
{
    void AnalyzeTree(SyntaxTree tree, Action<Diagnostic> report);
}
