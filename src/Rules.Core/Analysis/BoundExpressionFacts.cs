using System.Text.RegularExpressions;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis;

internal static partial class BoundExpressionFacts
{
    public static bool ContainsError(BoundExpression e) => e switch
    {
        BoundError => true,
        BoundNot n => ContainsError(n.Operand),
        BoundIs i => ContainsError(i.Operand),
        BoundBinary b => ContainsError(b.Left) || ContainsError(b.Right),
        BoundNames n => n.Resolved.Any(r => r is null),
        _ => false,
    };

    /// <summary>
    /// Whether every numeric comparison in the condition has a constant on one side (no
    /// 'case.a < case.b'): the solver then decides the condition exactly from the constants alone.
    /// </summary>
    public static bool ComparesNumbersWithConstantsOnly(BoundExpression e) => e switch
    {
        BoundNot n => ComparesNumbersWithConstantsOnly(n.Operand),
        BoundIs i => ComparesNumbersWithConstantsOnly(i.Operand),
        BoundBinary { Operator: BinaryOperator.And or BinaryOperator.Or } b =>
            ComparesNumbersWithConstantsOnly(b.Left) && ComparesNumbersWithConstantsOnly(b.Right),
        BoundBinary b when b.Left.Type.Kind == BoundTypeKind.Number || b.Right.Type.Kind == BoundTypeKind.Number =>
            b.Left is BoundNumberLiteral || b.Right is BoundNumberLiteral,
        _ => true,
    };

    /// <summary>The condition as written, on one line.</summary>
    public static string Text(BoundExpression e) =>
        e.Syntax is null ? "" : Whitespace().Replace(e.Syntax.ToString().Trim(), " ");

    public static Location LocationOf(Symbol owner, BoundExpression e) =>
        e.Syntax is null ? owner.Location : new Location(owner.Source, e.Syntax.Span);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
