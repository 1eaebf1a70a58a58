using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis.Rules;

/// <summary>RL0204: a question whose answer set has no positive option can never be judged positively.</summary>
public sealed class PositiveOptionRule : IFileLintRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RL0204];

    public void Analyze(SemanticModel model, Action<Diagnostic> report) => IFileLintRule.AnalyzeOwnFiles(this, model, null, report);

    void IFileLintRule.AnalyzeFile(FileBinding file, LintCache? cache, Action<Diagnostic> report)
    {
        foreach (var question in file.Questions)
        {
            if (question.AnswerSet is not { HasPositiveOption: false } set || set.Options.Length == 0) continue;
            Syntax.SyntaxToken? syntax = question.Syntax switch
            {
                Syntax.KeyQuestionDeclarationSyntax k => k.AnswerSet,
                Syntax.PromptDeclarationSyntax p => p.AnswerSet,
                _ => null,
            };
            var location = syntax is not { } token ? question.Location : new Location(question.Source, token.Span);
            report(DiagnosticCatalog.NoPositiveOption(location, Binder.Capitalize(question.Display), set.Name, question is KeyQuestionSymbol));
        }
    }
}
