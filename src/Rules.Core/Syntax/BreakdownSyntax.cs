using System.Collections.Immutable;

namespace Rules.Core.Syntax;

/// <summary><c>breakdown rosh_level "Title" by case.rosh { groups }</c></summary>
public sealed class BreakdownDeclarationSyntax(
    SyntaxToken keyword, SyntaxToken name, SyntaxToken title, SyntaxToken byKeyword,
    SyntaxToken caseKeyword, SyntaxToken dot, SyntaxToken field, BlockSyntax body)
    : DeclarationSyntax(SyntaxKind.BreakdownDeclaration, [keyword, name, title, byKeyword, caseKeyword, dot, field, body])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Name { get; } = name;
    public SyntaxToken Title { get; } = title;
    public SyntaxToken ByKeyword { get; } = byKeyword;
    public SyntaxToken CaseKeyword { get; } = caseKeyword;
    public SyntaxToken Dot { get; } = dot;
    public SyntaxToken Field { get; } = field;
    public BlockSyntax Body { get; } = body;
    internal override BlockSyntax? OwnBlock => Body;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Name, Title, ByKeyword, CaseKeyword, Dot, Field, Body]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Name, Title, ByKeyword, CaseKeyword, Dot, Field, Body]);
}

/// <summary><c>"Label" : spec</c></summary>
public sealed class BreakdownGroupSyntax(SyntaxToken label, SyntaxToken colon, GroupSpecSyntax spec)
    : DeclarationSyntax(SyntaxKind.BreakdownGroup, [label, colon, spec])
{
    public SyntaxToken Label { get; } = label;
    public SyntaxToken Colon { get; } = colon;
    public GroupSpecSyntax Spec { get; } = spec;

    public override ImmutableArray<SyntaxElement> Children => Parts([Label, Colon, Spec]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Label, Colon, Spec]);
}

public abstract class GroupSpecSyntax : SyntaxNode
{
    protected GroupSpecSyntax(SyntaxKind kind, params ReadOnlySpan<SyntaxElement> children) : base(kind, children) { }

    protected GroupSpecSyntax(SyntaxKind kind, ReadOnlySpan<SyntaxElement> before, ImmutableArray<SyntaxToken> list, SyntaxElement after)
        : base(kind, before, list, after) { }
}

/// <summary><c>high, very_high</c>: options and the commas between them.</summary>
public sealed class OptionListGroupSpecSyntax(ImmutableArray<SyntaxToken> optionsAndCommas)
    : GroupSpecSyntax(SyntaxKind.OptionListGroupSpec, [], optionsAndCommas, default)
{
    public ImmutableArray<SyntaxToken> OptionsAndCommas { get; } = optionsAndCommas;
    public IEnumerable<SyntaxToken> Options => OptionsAndCommas.Where(t => t.Kind == SyntaxKind.IdentifierToken);

    public override ImmutableArray<SyntaxElement> Children => Parts([.. OptionsAndCommas]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [], OptionsAndCommas, default);
}

/// <summary><c>18 to 25</c> (inclusive)</summary>
public sealed class RangeGroupSpecSyntax(SyntaxToken low, SyntaxToken toKeyword, SyntaxToken high)
    : GroupSpecSyntax(SyntaxKind.RangeGroupSpec, [low, toKeyword, high])
{
    public SyntaxToken Low { get; } = low;
    public SyntaxToken ToKeyword { get; } = toKeyword;
    public SyntaxToken High { get; } = high;

    public override ImmutableArray<SyntaxElement> Children => Parts([Low, ToKeyword, High]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Low, ToKeyword, High]);
}

/// <summary><c>from 56</c></summary>
public sealed class FromGroupSpecSyntax(SyntaxToken fromKeyword, SyntaxToken low)
    : GroupSpecSyntax(SyntaxKind.FromGroupSpec, [fromKeyword, low])
{
    public SyntaxToken FromKeyword { get; } = fromKeyword;
    public SyntaxToken Low { get; } = low;

    public override ImmutableArray<SyntaxElement> Children => Parts([FromKeyword, Low]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [FromKeyword, Low]);
}

/// <summary><c>true</c> or <c>false</c></summary>
public sealed class BooleanGroupSpecSyntax(SyntaxToken value)
    : GroupSpecSyntax(SyntaxKind.BooleanGroupSpec, [value])
{
    public SyntaxToken Value { get; } = value;

    public override ImmutableArray<SyntaxElement> Children => Parts([Value]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Value]);
}
