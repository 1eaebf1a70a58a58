using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;
using Rules.Core.Syntax;

namespace Rules.Core.Analysis.Rules;

/// <summary>RL0402: a title, question, label, message or guidance with no words in it.</summary>
public sealed class EmptyTextRule : ISyntaxLintRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RL0402];

    public void Analyze(SemanticModel model, Action<Diagnostic> report)
    {
        foreach (var tree in model.Trees) AnalyzeTree(tree, report);
    }

    public void AnalyzeTree(SyntaxTree tree, Action<Diagnostic> report)
    {
        if (tree.MayHaveTextWithoutWords) FindEmptyTexts(tree, report); // else the usual file: the lexer saw a word in every text
    }

    /// <summary>The walk itself, whatever the lexer saw (the fuzz test holds the two to agreeing).</summary>
    internal static void FindEmptyTexts(SyntaxTree tree, Action<Diagnostic> report)
    {
        // Every text belongs to a declaration, and every declaration is a top-level one or a member of a block, the
        // last part of its declaration: following blocks alone visits a twentieth of the tree's elements (no
        // tokens, no conditions), where walking every node is a tenth of a check's time on a large framework.
        var pending = new Stack<ImmutableArray<DeclarationSyntax>>();
        pending.Push(tree.Root.Declarations);
        while (pending.Count > 0)
        {
            var declarations = pending.Pop();
            for (var i = declarations.Length - 1; i >= 0; i--) // in source order
            {
                var declaration = declarations[i];
                var token = TextOf(declaration);
                if (token is { IsMissing: false } text && !HasWords(text))
                    report(DiagnosticCatalog.EmptyText(new Location(tree.Text, text.Span), Describe(declaration)));
                if (declaration.OwnBlock is { } body) pending.Push(body.Members);
            }
        }
    }

    private static SyntaxToken? TextOf(DeclarationSyntax node) => node switch
    {
        FrameworkDeclarationSyntax f => f.Name,
        ScaleLevelSyntax l => l.Label,
        CaseFieldSyntax c => c.Label,
        AnswerOptionSyntax o => o.Label,
        DomainDeclarationSyntax d => d.Title,
        StandardDeclarationSyntax s => s.Title,
        SummaryClauseSyntax s => s.Text,
        GuidanceClauseSyntax g => g.Text,
        KeyQuestionDeclarationSyntax k => k.Text,
        PromptDeclarationSyntax p => p.Text,
        BreakdownDeclarationSyntax b => b.Title,
        BreakdownGroupSyntax g => g.Label,
        CheckDeclarationSyntax c => c.Message,
        TestDeclarationSyntax t => t.Name,
        _ => null,
    };

    /// <summary>Whether a string has a word in it. Most do; the value (escapes resolved, guidance dedented) is only worked out when the raw text has an escape.</summary>
    private static bool HasWords(SyntaxToken token) =>
        !StringValues.MayBeWithoutWords(token.AsSpan()) || !string.IsNullOrWhiteSpace(token.ValueText);

    /// <summary>What the empty text belongs to, in the author's words (only for a report).</summary>
    private static string Describe(DeclarationSyntax node) => node switch
    {
        FrameworkDeclarationSyntax => "the framework's name",
        ScaleLevelSyntax l => $"level '{l.Name.Text}'",
        CaseFieldSyntax c => $"case field '{c.Name.Text}'",
        AnswerOptionSyntax o => $"option '{o.Name.Text}'",
        DomainDeclarationSyntax d => $"domain {d.Number.Text}",
        StandardDeclarationSyntax s => $"standard {s.Code.Text}",
        SummaryClauseSyntax => "this summary",
        GuidanceClauseSyntax => "this guidance",
        KeyQuestionDeclarationSyntax k => $"key question {k.Code.Text}",
        PromptDeclarationSyntax p => $"prompt {p.Letter.Text}",
        BreakdownDeclarationSyntax b => $"breakdown '{b.Name.Text}'",
        BreakdownGroupSyntax => "this breakdown group",
        CheckDeclarationSyntax c => $"this {(c.IsSignal ? "signal" : "check")}'s message",
        _ => "this test's name",
    };
}
