using System.Collections.Immutable;

namespace Rules.Core.Syntax;

/// <summary><c>domain 2 "Case supervision" { standards }</c></summary>
public sealed class DomainDeclarationSyntax(SyntaxToken keyword, SyntaxToken number, SyntaxToken title, BlockSyntax body)
    : DeclarationSyntax(SyntaxKind.DomainDeclaration, [keyword, number, title, body])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Number { get; } = number;
    public SyntaxToken Title { get; } = title;
    public BlockSyntax Body { get; } = body;
    internal override BlockSyntax? OwnBlock => Body;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Number, Title, Body]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Number, Title, Body]);
}

/// <summary><c>standard 2.4 "Title" [when EXPR] { ... }</c></summary>
public sealed class StandardDeclarationSyntax(
    SyntaxToken keyword, SyntaxToken code, SyntaxToken title, WhenClauseSyntax? when, BlockSyntax body)
    : DeclarationSyntax(SyntaxKind.StandardDeclaration, [keyword, code, title, when, body])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Code { get; } = code;
    public SyntaxToken Title { get; } = title;
    public WhenClauseSyntax? When { get; } = when;
    public BlockSyntax Body { get; } = body;
    internal override BlockSyntax? OwnBlock => Body;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Code, Title, When, Body]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Code, Title, When, Body]);
}

/// <summary><c>summary "text"</c></summary>
public sealed class SummaryClauseSyntax(SyntaxToken keyword, SyntaxToken text)
    : DeclarationSyntax(SyntaxKind.SummaryClause, [keyword, text])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Text { get; } = text;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Text]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Text]);
}

/// <summary><c>guidance "text"</c> or <c>guidance """multi-line"""</c></summary>
public sealed class GuidanceClauseSyntax(SyntaxToken keyword, SyntaxToken text)
    : DeclarationSyntax(SyntaxKind.GuidanceClause, [keyword, text])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Text { get; } = text;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Text]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Text]);
}

public enum RatingMethod
{
    LowestKeyQuestion,
    Inspector,
    NotRated,
}

/// <summary><c>rated by lowest key_question</c>, <c>rated by inspector</c> or <c>not rated</c>.</summary>
public sealed class RatingRuleSyntax(RatingMethod method, System.Collections.Immutable.ImmutableArray<SyntaxToken> words)
    : DeclarationSyntax(SyntaxKind.RatingRule, [], words, default)
{
    public RatingMethod Method { get; } = method;
    public System.Collections.Immutable.ImmutableArray<SyntaxToken> Words { get; } = words;

    public override ImmutableArray<SyntaxElement> Children => Parts([.. Words]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [], Words, default);
}

/// <summary><c>key_question 2.4.1 "Text" : AnswerSet [when EXPR] [{ ... }]</c></summary>
public sealed class KeyQuestionDeclarationSyntax(
    SyntaxToken keyword, SyntaxToken code, SyntaxToken text, SyntaxToken colon, SyntaxToken answerSet,
    WhenClauseSyntax? when, BlockSyntax? body)
    : DeclarationSyntax(SyntaxKind.KeyQuestionDeclaration, [keyword, code, text, colon, answerSet, when, body])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Code { get; } = code;
    public SyntaxToken Text { get; } = text;
    public SyntaxToken Colon { get; } = colon;
    public SyntaxToken AnswerSet { get; } = answerSet;
    public WhenClauseSyntax? When { get; } = when;
    public BlockSyntax? Body { get; } = body;
    internal override BlockSyntax? OwnBlock => Body;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Code, Text, Colon, AnswerSet, When, Body]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Code, Text, Colon, AnswerSet, When, Body]);
}

/// <summary><c>prompt a "Text" : AnswerSet [when EXPR] [{ ... }]</c></summary>
public sealed class PromptDeclarationSyntax(
    SyntaxToken keyword, SyntaxToken letter, SyntaxToken text, SyntaxToken colon, SyntaxToken answerSet,
    WhenClauseSyntax? when, BlockSyntax? body)
    : DeclarationSyntax(SyntaxKind.PromptDeclaration, [keyword, letter, text, colon, answerSet, when, body])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Letter { get; } = letter;
    public SyntaxToken Text { get; } = text;
    public SyntaxToken Colon { get; } = colon;
    public SyntaxToken AnswerSet { get; } = answerSet;
    public WhenClauseSyntax? When { get; } = when;
    public BlockSyntax? Body { get; } = body;
    internal override BlockSyntax? OwnBlock => Body;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Letter, Text, Colon, AnswerSet, When, Body]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Letter, Text, Colon, AnswerSet, When, Body]);
}

/// <summary><c>when EXPR</c>: the routing condition of an item, or the condition of a check.</summary>
public sealed class WhenClauseSyntax(SyntaxToken keyword, ExpressionSyntax condition)
    : SyntaxNode(SyntaxKind.WhenClause, [keyword, condition])
{
    public SyntaxToken Keyword { get; } = keyword;
    public ExpressionSyntax Condition { get; } = condition;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Condition]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Condition]);
}

/// <summary><c>check "message" when EXPR</c> (the case is invalid) or <c>signal ...</c> (a warning).</summary>
public sealed class CheckDeclarationSyntax(SyntaxKind kind, SyntaxToken keyword, SyntaxToken message, WhenClauseSyntax when)
    : DeclarationSyntax(kind, [keyword, message, when])
{
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Message { get; } = message;
    public WhenClauseSyntax When { get; } = when;
    public bool IsSignal => Kind == SyntaxKind.SignalDeclaration;

    public override ImmutableArray<SyntaxElement> Children => Parts([Keyword, Message, When]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Keyword, Message, When]);
}
