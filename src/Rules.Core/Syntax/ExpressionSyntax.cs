using System.Collections.Immutable;

namespace Rules.Core.Syntax;

public abstract class ExpressionSyntax : SyntaxNode
{
    protected ExpressionSyntax(SyntaxKind kind, params ReadOnlySpan<SyntaxElement> children) : base(kind, children) { }

    protected ExpressionSyntax(SyntaxKind kind, ReadOnlySpan<SyntaxElement> before, ImmutableArray<SyntaxToken> list, SyntaxElement after)
        : base(kind, before, list, after) { }
}

/// <summary><c>left op right</c> with op one of and, or, ==, !=, &lt;, &lt;=, &gt;, &gt;=, in.</summary>
public sealed class BinaryExpressionSyntax(ExpressionSyntax left, SyntaxToken operatorToken, ExpressionSyntax right)
    : ExpressionSyntax(SyntaxKind.BinaryExpression, [left, operatorToken, right])
{
    public ExpressionSyntax Left { get; } = left;
    public SyntaxToken OperatorToken { get; } = operatorToken;
    public ExpressionSyntax Right { get; } = right;

    public override ImmutableArray<SyntaxElement> Children => Parts([Left, OperatorToken, Right]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Left, OperatorToken, Right]);
}

/// <summary><c>not operand</c></summary>
public sealed class NotExpressionSyntax(SyntaxToken notKeyword, ExpressionSyntax operand)
    : ExpressionSyntax(SyntaxKind.NotExpression, [notKeyword, operand])
{
    public SyntaxToken NotKeyword { get; } = notKeyword;
    public ExpressionSyntax Operand { get; } = operand;

    public override ImmutableArray<SyntaxElement> Children => Parts([NotKeyword, Operand]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [NotKeyword, Operand]);
}

/// <summary><c>operand is positive|negative|not_applicable|answered</c></summary>
public sealed class IsExpressionSyntax(ExpressionSyntax operand, SyntaxToken isKeyword, SyntaxToken outcome)
    : ExpressionSyntax(SyntaxKind.IsExpression, [operand, isKeyword, outcome])
{
    public ExpressionSyntax Operand { get; } = operand;
    public SyntaxToken IsKeyword { get; } = isKeyword;
    public SyntaxToken Outcome { get; } = outcome;

    public override ImmutableArray<SyntaxElement> Children => Parts([Operand, IsKeyword, Outcome]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Operand, IsKeyword, Outcome]);
}

/// <summary><c>( expr )</c></summary>
public sealed class ParenthesizedExpressionSyntax(SyntaxToken open, ExpressionSyntax expression, SyntaxToken close)
    : ExpressionSyntax(SyntaxKind.ParenthesizedExpression, [open, expression, close])
{
    public SyntaxToken OpenParen { get; } = open;
    public ExpressionSyntax Expression { get; } = expression;
    public SyntaxToken CloseParen { get; } = close;

    public override ImmutableArray<SyntaxElement> Children => Parts([OpenParen, Expression, CloseParen]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [OpenParen, Expression, CloseParen]);
}

/// <summary>A key question or prompt reference: <c>2.4.1</c>, <c>2.4.1.d</c> (or <c>2.4.1.*</c> inside an aggregate).</summary>
public sealed class ReferenceExpressionSyntax(SyntaxToken code)
    : ExpressionSyntax(SyntaxKind.ReferenceExpression, [code])
{
    public SyntaxToken Code { get; } = code;

    public override ImmutableArray<SyntaxElement> Children => Parts([Code]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Code]);
}

/// <summary><c>case.field</c></summary>
public sealed class CaseFieldExpressionSyntax(SyntaxToken caseKeyword, SyntaxToken dot, SyntaxToken field)
    : ExpressionSyntax(SyntaxKind.CaseFieldExpression, [caseKeyword, dot, field])
{
    public SyntaxToken CaseKeyword { get; } = caseKeyword;
    public SyntaxToken Dot { get; } = dot;
    public SyntaxToken Field { get; } = field;

    public override ImmutableArray<SyntaxElement> Children => Parts([CaseKeyword, Dot, Field]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [CaseKeyword, Dot, Field]);
}

/// <summary>A bare name: an option of an answer set or field.</summary>
public sealed class NameExpressionSyntax(SyntaxToken name)
    : ExpressionSyntax(SyntaxKind.NameExpression, [name])
{
    public SyntaxToken Name { get; } = name;

    public override ImmutableArray<SyntaxElement> Children => Parts([Name]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Name]);
}

public sealed class NumberLiteralExpressionSyntax(SyntaxToken number)
    : ExpressionSyntax(SyntaxKind.NumberLiteralExpression, [number])
{
    public SyntaxToken Number { get; } = number;

    public override ImmutableArray<SyntaxElement> Children => Parts([Number]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Number]);
}

public sealed class StringLiteralExpressionSyntax(SyntaxToken value)
    : ExpressionSyntax(SyntaxKind.StringLiteralExpression, [value])
{
    public SyntaxToken Value { get; } = value;

    public override ImmutableArray<SyntaxElement> Children => Parts([Value]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Value]);
}

public sealed class BooleanLiteralExpressionSyntax(SyntaxToken value)
    : ExpressionSyntax(SyntaxKind.BooleanLiteralExpression, [value])
{
    public SyntaxToken Value { get; } = value;
    public bool BooleanValue => Value.Text == "true";

    public override ImmutableArray<SyntaxElement> Children => Parts([Value]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Value]);
}

/// <summary><c>{ a, b }</c></summary>
public sealed class SetExpressionSyntax(SyntaxToken open, ImmutableArray<SyntaxToken> itemsAndCommas, SyntaxToken close)
    : ExpressionSyntax(SyntaxKind.SetExpression, [open], itemsAndCommas, close)
{
    public SyntaxToken OpenBrace { get; } = open;
    public ImmutableArray<SyntaxToken> ItemsAndCommas { get; } = itemsAndCommas;
    public SyntaxToken CloseBrace { get; } = close;
    public IEnumerable<SyntaxToken> Items => ItemsAndCommas.Where(t => t.Kind == SyntaxKind.IdentifierToken);

    public override ImmutableArray<SyntaxElement> Children => Parts([OpenBrace, .. ItemsAndCommas, CloseBrace]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [OpenBrace], ItemsAndCommas, CloseBrace);
}

/// <summary><c>any(2.4.1.* is positive)</c>, <c>count(2.4.1.* == yes)</c>, ...</summary>
public sealed class AggregateExpressionSyntax(
    SyntaxToken function, SyntaxToken open, SyntaxToken target, SyntaxToken operatorToken, SyntaxToken operand, SyntaxToken close)
    : ExpressionSyntax(SyntaxKind.AggregateExpression, [function, open, target, operatorToken, operand, close])
{
    public SyntaxToken Function { get; } = function;
    public SyntaxToken OpenParen { get; } = open;
    public SyntaxToken Target { get; } = target;
    /// <summary>Either the <c>is</c> keyword or <c>==</c>.</summary>
    public SyntaxToken OperatorToken { get; } = operatorToken;
    public SyntaxToken Operand { get; } = operand;
    public SyntaxToken CloseParen { get; } = close;

    public override ImmutableArray<SyntaxElement> Children => Parts([Function, OpenParen, Target, OperatorToken, Operand, CloseParen]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Function, OpenParen, Target, OperatorToken, Operand, CloseParen]);
}

/// <summary>Stands where an expression was expected but none was written.</summary>
public sealed class MissingExpressionSyntax(SyntaxToken missing)
    : ExpressionSyntax(SyntaxKind.MissingExpression, [missing])
{
    public SyntaxToken Missing { get; } = missing;

    public override ImmutableArray<SyntaxElement> Children => Parts([Missing]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [Missing]);
}
