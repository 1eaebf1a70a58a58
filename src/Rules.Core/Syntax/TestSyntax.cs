using System.Collections.Immutable;

namespace Rules.Core.Syntax;

/// <summary><c>test "name" { case {...} answers {...} expect ... }</c></summary>
public sealed class TestDeclarationSyntax(SyntaxToken keyword, SyntaxToken name, BlockSyntax body)
    : DeclarationSyntax(SyntaxKind.TestDeclaration, [keyword, name, body])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Name { get; } = name;
    public BlockSyntax Body { get; } = body;
    internal override BlockSyntax? OwnBlock => Body;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Name, Body]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Name, Body]);
}

/// <summary><c>case { field: value, ... }</c> inside a test.</summary>
public sealed class TestCaseBlockSyntax(SyntaxToken keyword, BlockSyntax body)
    : DeclarationSyntax(SyntaxKind.TestCaseBlock, [keyword, body])
{
    public SyntaxToken Keyword { get; } = keyword;
    public BlockSyntax Body { get; } = body;
    internal override BlockSyntax? OwnBlock => Body;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Body]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Body]);
}

/// <summary><c>rosh: medium,</c> — the value is a name, number, boolean or set.</summary>
public sealed class TestCaseEntrySyntax(SyntaxToken field, SyntaxToken colon, ExpressionSyntax value, SyntaxToken? comma)
    : DeclarationSyntax(SyntaxKind.TestCaseEntry, [field, colon, value, comma])
{
    public SyntaxToken Field { get; } = field;
    public SyntaxToken Colon { get; } = colon;
    public ExpressionSyntax Value { get; } = value;
    public SyntaxToken? Comma { get; } = comma;

    public override ImmutableArray<SyntaxElement> Children => Parts([Field, Colon, Value, Comma]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Field, Colon, Value, Comma]);
}

/// <summary><c>answers { 2.4.1: yes, ... }</c> inside a test.</summary>
public sealed class TestAnswersBlockSyntax(SyntaxToken keyword, BlockSyntax body)
    : DeclarationSyntax(SyntaxKind.TestAnswersBlock, [keyword, body])
{
    public SyntaxToken Keyword { get; } = keyword;
    public BlockSyntax Body { get; } = body;
    internal override BlockSyntax? OwnBlock => Body;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Body]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Body]);
}

/// <summary><c>2.4.1.a: yes,</c></summary>
public sealed class TestAnswerEntrySyntax(SyntaxToken code, SyntaxToken colon, SyntaxToken option, SyntaxToken? comma)
    : DeclarationSyntax(SyntaxKind.TestAnswerEntry, [code, colon, option, comma])
{
    public SyntaxToken Code { get; } = code;
    public SyntaxToken Colon { get; } = colon;
    public SyntaxToken Option { get; } = option;
    public SyntaxToken? Comma { get; } = comma;

    public override ImmutableArray<SyntaxElement> Children => Parts([Code, Colon, Option, Comma]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Code, Colon, Option, Comma]);
}

public enum ExpectationKind
{
    Applicable,
    NotApplicable,
    Positive,
    Negative,
    Valid,
    Invalid,
    Signal,
    /// <summary><c>expect 2.4.1.c == none</c>: the item applies and was answered with that option.</summary>
    AnsweredWith,
}

/// <summary><c>expect 2.4.1.d not applicable</c>, <c>expect valid</c>, <c>expect signal "message"</c>.</summary>
public sealed class ExpectationSyntax(
    SyntaxToken keyword, ExpectationKind expectation, SyntaxToken? code, System.Collections.Immutable.ImmutableArray<SyntaxToken> words)
    : DeclarationSyntax(SyntaxKind.Expectation, [keyword, code], words, default)
{
    public SyntaxToken Keyword { get; } = keyword;
    public ExpectationKind Expectation { get; } = expectation;
    public SyntaxToken? Code { get; } = code;
    /// <summary>The words after the code (or the message string of a signal expectation).</summary>
    public System.Collections.Immutable.ImmutableArray<SyntaxToken> Words { get; } = words;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Code, .. Words]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Code], Words, default);
}
