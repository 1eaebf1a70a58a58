using System.Collections.Immutable;

namespace Rules.Core.Syntax;

/// <summary><c>case { fields }</c></summary>
public sealed class CaseDeclarationSyntax(SyntaxToken keyword, BlockSyntax body)
    : DeclarationSyntax(SyntaxKind.CaseDeclaration, [keyword, body])
{
    public SyntaxToken Keyword { get; } = keyword;
    public BlockSyntax Body { get; } = body;
    internal override BlockSyntax? OwnBlock => Body;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Body]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Body]);
}

/// <summary><c>rosh "Risk of serious harm" : low | medium | high</c></summary>
public sealed class CaseFieldSyntax(SyntaxToken name, SyntaxToken label, SyntaxToken colon, FieldTypeSyntax type)
    : DeclarationSyntax(SyntaxKind.CaseField, [name, label, colon, type])
{
    public SyntaxToken Name { get; } = name;
    public SyntaxToken Label { get; } = label;
    public SyntaxToken Colon { get; } = colon;
    public FieldTypeSyntax Type { get; } = type;

    public override ImmutableArray<SyntaxElement> Children => Parts([Name, Label, Colon, Type]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Name, Label, Colon, Type]);
}

public abstract class FieldTypeSyntax : SyntaxNode
{
    protected FieldTypeSyntax(SyntaxKind kind, params ReadOnlySpan<SyntaxElement> children) : base(kind, children) { }

    protected FieldTypeSyntax(SyntaxKind kind, ReadOnlySpan<SyntaxElement> before, ImmutableArray<SyntaxToken> list, SyntaxElement after)
        : base(kind, before, list, after) { }
}

/// <summary><c>number</c></summary>
public sealed class NumberFieldTypeSyntax(SyntaxToken keyword) : FieldTypeSyntax(SyntaxKind.NumberFieldType, [keyword])
{
    public SyntaxToken Keyword { get; } = keyword;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword]);
}

/// <summary><c>boolean</c></summary>
public sealed class BooleanFieldTypeSyntax(SyntaxToken keyword) : FieldTypeSyntax(SyntaxKind.BooleanFieldType, [keyword])
{
    public SyntaxToken Keyword { get; } = keyword;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword]);
}

/// <summary><c>low | medium | high</c>: the values and the pipes between them, in order.</summary>
public sealed class EnumFieldTypeSyntax(ImmutableArray<SyntaxToken> valuesAndPipes)
    : FieldTypeSyntax(SyntaxKind.EnumFieldType, [], valuesAndPipes, default)
{
    public ImmutableArray<SyntaxToken> ValuesAndPipes { get; } = valuesAndPipes;
    public IEnumerable<SyntaxToken> Values => ValuesAndPipes.Where(t => t.Kind == SyntaxKind.IdentifierToken);

    public override ImmutableArray<SyntaxElement> Children => Parts([.. ValuesAndPipes]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [], ValuesAndPipes, default);
}

/// <summary><c>set of unpaid_work | rar</c></summary>
public sealed class SetFieldTypeSyntax(SyntaxToken setKeyword, SyntaxToken ofKeyword, EnumFieldTypeSyntax members)
    : FieldTypeSyntax(SyntaxKind.SetFieldType, [setKeyword, ofKeyword, members])
{
    public SyntaxToken SetKeyword { get; } = setKeyword;
    public SyntaxToken OfKeyword { get; } = ofKeyword;
    public EnumFieldTypeSyntax Members { get; } = members;

    public override ImmutableArray<SyntaxElement> Children => Parts([SetKeyword, OfKeyword, Members]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [SetKeyword, OfKeyword, Members]);
}
