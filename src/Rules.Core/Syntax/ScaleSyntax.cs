using System.Collections.Immutable;

namespace Rules.Core.Syntax;

/// <summary><c>scale Rating { levels }</c></summary>
public sealed class ScaleDeclarationSyntax(SyntaxToken keyword, SyntaxToken name, BlockSyntax body)
    : DeclarationSyntax(SyntaxKind.ScaleDeclaration, [keyword, name, body])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Name { get; } = name;
    public BlockSyntax Body { get; } = body;
    internal override BlockSyntax? OwnBlock => Body;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Name, Body]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Name, Body]);
}

/// <summary><c>good "Good" score 2 from 65%</c></summary>
public sealed class ScaleLevelSyntax(
    SyntaxToken name, SyntaxToken label, SyntaxToken scoreKeyword, SyntaxToken score,
    SyntaxToken fromKeyword, SyntaxToken bound, SyntaxToken percent)
    : DeclarationSyntax(SyntaxKind.ScaleLevel, [name, label, scoreKeyword, score, fromKeyword, bound, percent])
{
    public SyntaxToken Name { get; } = name;
    public SyntaxToken Label { get; } = label;
    public SyntaxToken ScoreKeyword { get; } = scoreKeyword;
    public SyntaxToken Score { get; } = score;
    public SyntaxToken FromKeyword { get; } = fromKeyword;
    public SyntaxToken Bound { get; } = bound;
    public SyntaxToken Percent { get; } = percent;

    public override ImmutableArray<SyntaxElement> Children => Parts([Name, Label, ScoreKeyword, Score, FromKeyword, Bound, Percent]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Name, Label, ScoreKeyword, Score, FromKeyword, Bound, Percent]);
}
