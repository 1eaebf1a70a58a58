using System.Collections.Immutable;

namespace Rules.Core.Syntax;

/// <summary><c>import "path"</c></summary>
public sealed class ImportDeclarationSyntax(SyntaxToken importKeyword, SyntaxToken path)
    : DeclarationSyntax(SyntaxKind.ImportDeclaration, [importKeyword, path])
{
    public SyntaxToken ImportKeyword { get; } = importKeyword;
    public SyntaxToken Path { get; } = path;

    public override ImmutableArray<SyntaxElement> Children => Parts([ImportKeyword, Path]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [ImportKeyword, Path]);
}

/// <summary><c>framework "Name" { version ... scale ... overall { ... } }</c></summary>
public sealed class FrameworkDeclarationSyntax(SyntaxToken keyword, SyntaxToken name, BlockSyntax body)
    : DeclarationSyntax(SyntaxKind.FrameworkDeclaration, [keyword, name, body])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Name { get; } = name;
    public BlockSyntax Body { get; } = body;
    internal override BlockSyntax? OwnBlock => Body;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Name, Body]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Name, Body]);
}

/// <summary><c>version "2021.2"</c></summary>
public sealed class VersionClauseSyntax(SyntaxToken keyword, SyntaxToken value)
    : DeclarationSyntax(SyntaxKind.VersionClause, [keyword, value])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Value { get; } = value;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Value]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Value]);
}

/// <summary><c>scale Rating</c> inside a framework: the scale its standards are rated on.</summary>
public sealed class ScaleClauseSyntax(SyntaxToken keyword, SyntaxToken scaleName)
    : DeclarationSyntax(SyntaxKind.ScaleClause, [keyword, scaleName])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken ScaleName { get; } = scaleName;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, ScaleName]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, ScaleName]);
}

/// <summary><c>overall { good from 14 ... }</c>: bands of the summed standard scores.</summary>
public sealed class OverallBlockSyntax(SyntaxToken keyword, BlockSyntax body)
    : DeclarationSyntax(SyntaxKind.OverallBlock, [keyword, body])
{
    public SyntaxToken Keyword { get; } = keyword;
    public BlockSyntax Body { get; } = body;
    internal override BlockSyntax? OwnBlock => Body;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Body]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Body]);
}

/// <summary><c>good from 14</c></summary>
public sealed class OverallBandSyntax(SyntaxToken level, SyntaxToken fromKeyword, SyntaxToken bound)
    : DeclarationSyntax(SyntaxKind.OverallBand, [level, fromKeyword, bound])
{
    public SyntaxToken Level { get; } = level;
    public SyntaxToken FromKeyword { get; } = fromKeyword;
    public SyntaxToken Bound { get; } = bound;

    public override ImmutableArray<SyntaxElement> Children => Parts([Level, FromKeyword, Bound]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Level, FromKeyword, Bound]);
}
