using System.Collections.Immutable;
using Rules.Core.Syntax;

namespace Rules.Core.Semantics;

public enum BoundTypeKind
{
    Error,
    Boolean,
    Number,
    Text,
    /// <summary>The chosen option of a key question or prompt.</summary>
    Answer,
    /// <summary>The value of an enum case field.</summary>
    Enum,
    /// <summary>The members of a set case field.</summary>
    Set,
    /// <summary>A literal list of names <c>{a, b}</c> or a bare name, resolved against the other side.</summary>
    Names,
}

/// <summary>The type of an expression; answer and field types carry the set or field they range over.</summary>
public sealed record BoundType(BoundTypeKind Kind, AnswerSetSymbol? AnswerSet = null, CaseFieldSymbol? Field = null)
{
    public static readonly BoundType Error = new(BoundTypeKind.Error);
    public static readonly BoundType Boolean = new(BoundTypeKind.Boolean);
    public static readonly BoundType Number = new(BoundTypeKind.Number);
    public static readonly BoundType Text = new(BoundTypeKind.Text);
    public static readonly BoundType Names = new(BoundTypeKind.Names);
    /// <summary>The answer of a question whose answer set is unknown (already reported).</summary>
    internal static readonly BoundType UnknownAnswer = new(BoundTypeKind.Answer);

    public override string ToString() => Kind switch
    {
        BoundTypeKind.Answer => $"an answer from '{AnswerSet?.Name}'",
        BoundTypeKind.Enum => $"a value of '{Field?.Name}'",
        BoundTypeKind.Set => $"the set '{Field?.Name}'",
        BoundTypeKind.Boolean => "true or false",
        BoundTypeKind.Number => "a number",
        BoundTypeKind.Text => "text",
        BoundTypeKind.Names => "a list of options",
        _ => "an invalid expression",
    };
}

public enum BinaryOperator
{
    And,
    Or,
    Equals,
    NotEquals,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
}

public enum AggregateFunction
{
    Any,
    All,
    None,
    Count,
}

/// <summary>What <c>is</c> tests: an outcome of the chosen option, or that there is an answer at all.</summary>
public enum OutcomeTest
{
    Positive,
    Negative,
    NotApplicable,
    Answered,
}

/// <summary>A condition or value after names are resolved and types checked.</summary>
public abstract record BoundExpression(BoundType Type, SyntaxNode? Syntax)
{
    public static readonly BoundExpression Error = new BoundError(null);
}

public sealed record BoundError(SyntaxNode? Syntax) : BoundExpression(BoundType.Error, Syntax);

public sealed record BoundBooleanLiteral(bool Value, SyntaxNode? Syntax) : BoundExpression(BoundType.Boolean, Syntax);

public sealed record BoundNumberLiteral(double Value, SyntaxNode? Syntax) : BoundExpression(BoundType.Number, Syntax);

public sealed record BoundTextLiteral(string Value, SyntaxNode? Syntax) : BoundExpression(BoundType.Text, Syntax);

/// <summary>A key question or prompt: its chosen option, or no value.</summary>
public sealed record BoundQuestionReference(QuestionSymbol Question, SyntaxNode? Syntax)
    : BoundExpression(Question.AnswerSet?.AnswerType ?? BoundType.UnknownAnswer, Syntax);

/// <summary><c>case.field</c></summary>
public sealed record BoundFieldReference(CaseFieldSymbol Field, SyntaxNode? Syntax)
    : BoundExpression(Field.ValueType, Syntax);

/// <summary>Names written as values (<c>none</c>, <c>{low, medium}</c>), resolved to options or field values.</summary>
public sealed record BoundNames(ImmutableArray<string> Names, ImmutableArray<Symbol?> Resolved, bool IsSetLiteral, SyntaxNode? Syntax)
    : BoundExpression(BoundType.Names, Syntax);

public sealed record BoundBinary(BinaryOperator Operator, BoundExpression Left, BoundExpression Right, SyntaxNode? Syntax)
    : BoundExpression(Operator is BinaryOperator.And or BinaryOperator.Or or BinaryOperator.Equals or BinaryOperator.NotEquals
        or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual or BinaryOperator.In
        ? BoundType.Boolean : BoundType.Error, Syntax);

public sealed record BoundNot(BoundExpression Operand, SyntaxNode? Syntax) : BoundExpression(BoundType.Boolean, Syntax);

public sealed record BoundIs(BoundExpression Operand, OutcomeTest Test, SyntaxNode? Syntax) : BoundExpression(BoundType.Boolean, Syntax);

/// <summary><c>any(2.4.1.* is positive)</c> and friends, over the prompts of a key question.
/// With <see cref="Option"/> set it compares each prompt's answer to that option name instead.</summary>
public sealed record BoundAggregate(
    AggregateFunction Function,
    KeyQuestionSymbol KeyQuestion,
    OutcomeTest? Test,
    string? Option,
    SyntaxNode? Syntax)
    : BoundExpression(Function == AggregateFunction.Count ? BoundType.Number : BoundType.Boolean, Syntax);
