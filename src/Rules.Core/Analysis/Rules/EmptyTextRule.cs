using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;
using Rules.Core.Syntax;

namespace Rules.Core.Analysis.Rules;

/// <summary>RL0402: a title, question, label, message or guidance with no words in it.</summary>
public sealed class EmptyTextRule : ILintRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RL0402];

    public void Analyze(SemanticModel model, Action<Diagnostic> report)
    {
        foreach (var tree in model.Trees)
        {
            foreach (var node in tree.Root.DescendantNodesAndSelf())
            {
                var (token, what) = node switch
                {
                    FrameworkDeclarationSyntax f => (f.Name, "the framework's name"),
                    ScaleLevelSyntax l => (l.Label, $"level '{l.Name.Text}'"),
                    CaseFieldSyntax c => (c.Label, $"case field '{c.Name.Text}'"),
                    AnswerOptionSyntax o => (o.Label, $"option '{o.Name.Text}'"),
                    DomainDeclarationSyntax d => (d.Title, $"domain {d.Number.Text}"),
                    StandardDeclarationSyntax s => (s.Title, $"standard {s.Code.Text}"),
                    SummaryClauseSyntax s => (s.Text, "this summary"),
                    GuidanceClauseSyntax g => (g.Text, "this guidance"),
                    KeyQuestionDeclarationSyntax k => (k.Text, $"key question {k.Code.Text}"),
                    PromptDeclarationSyntax p => (p.Text, $"prompt {p.Letter.Text}"),
                    BreakdownDeclarationSyntax b => (b.Title, $"breakdown '{b.Name.Text}'"),
                    BreakdownGroupSyntax g => (g.Label, "this breakdown group"),
                    CheckDeclarationSyntax c => (c.Message, $"this {(c.IsSignal ? "signal" : "check")}'s message"),
                    TestDeclarationSyntax t => (t.Name, "this test's name"),
                    _ => ((SyntaxToken?)null, ""),
                };
                if (token is null || token.IsMissing || !string.IsNullOrWhiteSpace(token.ValueText)) continue;
                report(DiagnosticCatalog.EmptyText(new Location(tree.Text, token.Span), what));
            }
        }
    }
}
