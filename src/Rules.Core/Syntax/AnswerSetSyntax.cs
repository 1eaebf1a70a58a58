using System.Collections.Immutable;

namespace Rules.Core.Syntax;

/// <summary><c>answers YesNo { options }</c></summary>
public sealed class AnswerSetDeclarationSyntax(SyntaxToken keyword, SyntaxToken name, BlockSyntax body)
    : DeclarationSyntax(SyntaxKind.AnswerSetDeclaration, [keyword, name, body])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Name { get; } = name;
    public BlockSyntax Body { get; } = body;
    internal override BlockSyntax? OwnBlock => Body;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Name, Body]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Name, Body]);
}

/// <summary><c>yes "Yes" positive</c>; the outcome word is optional (negative by default).</summary>
public sealed class AnswerOptionSyntax(SyntaxToken name, SyntaxToken label, SyntaxToken? outcome)
    : DeclarationSyntax(SyntaxKind.AnswerOption, [name, label, outcome])
{
    public SyntaxToken Name { get; } = name;
    public SyntaxToken Label { get; } = label;
    public SyntaxToken? Outcome { get; } = outcome;

    public override ImmutableArray<SyntaxElement> Children => Parts([Name, Label, Outcome]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Name, Label, Outcome]);
}
