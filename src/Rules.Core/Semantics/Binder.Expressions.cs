using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Rules.Core.Diagnostics;
using Rules.Core.Syntax;

namespace Rules.Core.Semantics;

internal sealed partial class Binder
{
    private BoundExpression BindCondition(ExpressionSyntax syntax)
    {
        var bound = Bind(syntax);
        RequireCondition(bound, syntax, "A 'when' condition");
        return bound;
    }

    private void RequireCondition(BoundExpression bound, ExpressionSyntax syntax, string what)
    {
        switch (bound.Type.Kind)
        {
            case BoundTypeKind.Boolean or BoundTypeKind.Error:
                return;
            case BoundTypeKind.Answer when bound is BoundQuestionReference r:
                Report(DiagnosticCatalog.TypeMismatch(Loc(syntax),
                    $"{what} must be true or false, but {r.Question.Code} is an answer; compare it, for example '{r.Question.Code} == {r.Question.AnswerSet?.Options.FirstOrDefault()?.Name ?? "yes"}' or '{r.Question.Code} is positive'."));
                return;
            default:
                Report(DiagnosticCatalog.TypeMismatch(Loc(syntax), $"{what} must be true or false, but '{Src(syntax)}' is {bound.Type}."));
                return;
        }
    }

    private static bool IsCondition(BoundExpression bound) => bound.Type.Kind is BoundTypeKind.Boolean or BoundTypeKind.Error;

    private BoundExpression Record(ExpressionSyntax syntax, BoundExpression bound)
    {
        _file.Bound[syntax] = bound;
        return bound;
    }

    /// <summary>Deeper conditions (long 'not' or 'and' chains, brackets) are RL0003: every later
    /// pass over a bound condition recurses, and must not run out of stack.</summary>
    public const int MaxExpressionDepth = 512;

    private int _expressionDepth;

    private BoundExpression Bind(ExpressionSyntax syntax)
    {
        if (_expressionDepth >= MaxExpressionDepth)
        {
            Report(DiagnosticCatalog.ConditionTooDeep(Loc(syntax), MaxExpressionDepth));
            return Record(syntax, new BoundError(syntax));
        }
        _expressionDepth++;
        try
        {
            return BindUnguarded(syntax);
        }
        finally
        {
            _expressionDepth--;
        }
    }

    private BoundExpression BindUnguarded(ExpressionSyntax syntax) => Record(syntax, syntax switch
    {
        ParenthesizedExpressionSyntax p => Bind(p.Expression),
        NumberLiteralExpressionSyntax n => new BoundNumberLiteral(ParseDouble(n.Number), n),
        StringLiteralExpressionSyntax s => new BoundTextLiteral(s.Value.ValueText, s),
        BooleanLiteralExpressionSyntax b => new BoundBooleanLiteral(b.BooleanValue, b),
        ReferenceExpressionSyntax r => BindReference(r),
        CaseFieldExpressionSyntax f => ResolveField(f.Field) is { } field ? new BoundFieldReference(field, f) : new BoundError(f),
        NameExpressionSyntax n => new BoundNames(SingleName(n.Name.Text), Unresolved, IsSetLiteral: false, n),
        SetExpressionSyntax s => BindSetLiteral(s),
        NotExpressionSyntax n => BindNot(n),
        IsExpressionSyntax i => BindIs(i),
        BinaryExpressionSyntax b => BindBinary(b),
        AggregateExpressionSyntax a => BindAggregate(a),
        _ => new BoundError(syntax),
    });

    private BoundExpression BindReference(ReferenceExpressionSyntax syntax)
    {
        if (syntax.Code.Text.EndsWith(".*", StringComparison.Ordinal))
        {
            Report(DiagnosticCatalog.TypeMismatch(Loc(syntax),
                $"'{syntax.Code.Text}' stands for several prompts; use it inside any(), all(), none() or count(), such as any({syntax.Code.Text} is positive)."));
            return new BoundError(syntax);
        }
        var question = ResolveQuestion(syntax.Code);
        return question is null ? new BoundError(syntax) : new BoundQuestionReference(question, syntax);
    }

    private BoundExpression BindNot(NotExpressionSyntax syntax)
    {
        var operand = Bind(syntax.Operand);
        RequireCondition(operand, syntax.Operand, "What follows 'not'");
        return new BoundNot(operand, syntax);
    }

    private BoundExpression BindIs(IsExpressionSyntax syntax)
    {
        var operand = Bind(syntax.Operand);
        var test = syntax.Outcome.Text switch
        {
            "positive" => OutcomeTest.Positive,
            "negative" => OutcomeTest.Negative,
            "not_applicable" => OutcomeTest.NotApplicable,
            _ => OutcomeTest.Answered,
        };
        var ok = operand.Type.Kind switch
        {
            BoundTypeKind.Error or BoundTypeKind.Answer => true,
            _ => test == OutcomeTest.Answered && operand is BoundFieldReference,
        };
        if (!ok)
        {
            Report(DiagnosticCatalog.TypeMismatch(Loc(syntax),
                $"'is {syntax.Outcome.Text}' applies to a key question or prompt{(test == OutcomeTest.Answered ? " or a case field" : "")}, but '{Src(syntax.Operand)}' is {operand.Type}."));
            return new BoundError(syntax);
        }
        return new BoundIs(operand, test, syntax);
    }

    private BoundExpression BindBinary(BinaryExpressionSyntax syntax)
    {
        var op = syntax.OperatorToken.Text switch
        {
            "and" => BinaryOperator.And,
            "or" => BinaryOperator.Or,
            "==" => BinaryOperator.Equals,
            "!=" => BinaryOperator.NotEquals,
            "<" => BinaryOperator.Less,
            "<=" => BinaryOperator.LessOrEqual,
            ">" => BinaryOperator.Greater,
            ">=" => BinaryOperator.GreaterOrEqual,
            _ => BinaryOperator.In,
        };
        var left = Bind(syntax.Left);
        var right = Bind(syntax.Right);
        if (left.Type.Kind == BoundTypeKind.Error || right.Type.Kind == BoundTypeKind.Error)
            return new BoundBinary(op, left, right, syntax);

        switch (op)
        {
            case BinaryOperator.And or BinaryOperator.Or:
                // The message is only written when a side is not a condition: this runs for every 'and' and 'or'.
                if (!IsCondition(left)) RequireCondition(left, syntax.Left, $"Each side of '{syntax.OperatorToken.Text}'");
                if (!IsCondition(right)) RequireCondition(right, syntax.Right, $"Each side of '{syntax.OperatorToken.Text}'");
                return new BoundBinary(op, left, right, syntax);

            case BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual:
                if (left.Type.Kind != BoundTypeKind.Number || right.Type.Kind != BoundTypeKind.Number)
                {
                    Report(DiagnosticCatalog.TypeMismatch(Loc(syntax),
                        $"'{syntax.OperatorToken.Text}' compares numbers, but '{Src(left.Type.Kind != BoundTypeKind.Number ? syntax.Left : syntax.Right)}' is {(left.Type.Kind != BoundTypeKind.Number ? left.Type : right.Type)}."));
                    return new BoundError(syntax);
                }
                return new BoundBinary(op, left, right, syntax);

            case BinaryOperator.Equals or BinaryOperator.NotEquals:
                // Written either way round: 'yes == 2.4.1' reads as '2.4.1 == yes'.
                if (left is BoundNames && right is not BoundNames)
                {
                    (left, right) = (right, left);
                    var bound = BindEquality(op, left, right, syntax, syntax.Right, syntax.Left);
                    return bound;
                }
                return BindEquality(op, left, right, syntax, syntax.Left, syntax.Right);

            default:
                return BindIn(left, right, syntax);
        }
    }

    private BoundExpression BindEquality(BinaryOperator op, BoundExpression left, BoundExpression right,
        BinaryExpressionSyntax syntax, ExpressionSyntax leftSyntax, ExpressionSyntax rightSyntax)
    {
        switch (left.Type.Kind)
        {
            case BoundTypeKind.Answer when right is BoundNames { IsSetLiteral: false } names:
                return new BoundBinary(op, left, ResolveNames(names, rightSyntax, left), syntax);
            case BoundTypeKind.Enum when right is BoundNames { IsSetLiteral: false } names:
                return new BoundBinary(op, left, ResolveNames(names, rightSyntax, left), syntax);
            case BoundTypeKind.Set when right is BoundNames { IsSetLiteral: true } names:
                return new BoundBinary(op, left, ResolveNames(names, rightSyntax, left), syntax);
            case BoundTypeKind.Number when right.Type.Kind == BoundTypeKind.Number:
            case BoundTypeKind.Boolean when right.Type.Kind == BoundTypeKind.Boolean:
            case BoundTypeKind.Text when right.Type.Kind == BoundTypeKind.Text:
                return new BoundBinary(op, left, right, syntax);
            case BoundTypeKind.Answer when right.Type.Kind == BoundTypeKind.Answer && left.Type.AnswerSet == right.Type.AnswerSet:
                return new BoundBinary(op, left, right, syntax);
        }
        if (left.Type.Kind is BoundTypeKind.Answer or BoundTypeKind.Enum && rightSyntax is StringLiteralExpressionSyntax quoted
            && (left.Type.AnswerSet?.FindOption(quoted.Value.ValueText) ?? (Symbol?)left.Type.Field?.FindValue(quoted.Value.ValueText)) is not null)
        {
            // "high" for high: the author's intent is plain, and the fix is to drop the quotes.
            Report(DiagnosticCatalog.QuotedOption(Loc(rightSyntax), Src(leftSyntax), syntax.OperatorToken.Text, quoted.Value.ValueText));
            return new BoundError(syntax);
        }
        var hint = left.Type.Kind switch
        {
            BoundTypeKind.Answer or BoundTypeKind.Enum => $"; compare it with one option, such as '{Src(leftSyntax)} == {FirstOption(left)}'",
            BoundTypeKind.Set => $"; compare it with a set such as {{{FirstOption(left)}}}, or test membership with '{FirstOption(left)} in {Src(leftSyntax)}'",
            _ => "",
        };
        Report(DiagnosticCatalog.TypeMismatch(Loc(syntax),
            $"'{Src(leftSyntax)}' is {left.Type} and cannot be compared with '{Src(rightSyntax)}'{hint}."));
        return new BoundError(syntax);
    }

    /// <summary>An expression as written, on one line and without the trivia around it, for messages.</summary>
    private static string Src(SyntaxNode node) =>
        string.Join(' ', node.ToString().Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static string FirstOption(BoundExpression e) =>
        e.Type.AnswerSet?.Options.FirstOrDefault()?.Name ?? e.Type.Field?.Values.FirstOrDefault()?.Name ?? "...";

    private BoundExpression BindIn(BoundExpression left, BoundExpression right, BinaryExpressionSyntax syntax)
    {
        // 'rar in case.requirements': membership of a set field.
        if (left is BoundNames { IsSetLiteral: false } member && right.Type.Kind == BoundTypeKind.Set)
            return new BoundBinary(BinaryOperator.In, ResolveNames(member, syntax.Left, right), right, syntax);
        // 'case.rosh in {high, very_high}', '2.4.1.c in {yes, should}'
        if (left.Type.Kind is BoundTypeKind.Answer or BoundTypeKind.Enum && right is BoundNames { IsSetLiteral: true } options)
            return new BoundBinary(BinaryOperator.In, left, ResolveNames(options, syntax.Right, left), syntax);
        Report(DiagnosticCatalog.TypeMismatch(Loc(syntax),
            $"'in' tests whether a value is one of a list, such as 'case.rosh in {{high, very_high}}' or 'rar in case.requirements'; '{Src(syntax)}' is neither."));
        return new BoundError(syntax);
    }

    /// <summary>Resolves option names against what the other side ranges over (RL0105 with a suggestion).</summary>
    private BoundExpression ResolveNames(BoundNames names, ExpressionSyntax syntax, BoundExpression against)
    {
        var resolved = ImmutableArray.CreateBuilder<Symbol?>(names.Names.Length);
        for (var i = 0; i < names.Names.Length; i++)
        {
            var name = names.Names[i];
            SyntaxToken? token = syntax switch
            {
                NameExpressionSyntax n when i == 0 => n.Name,
                SetExpressionSyntax s => ItemAt(s, i),
                ParenthesizedExpressionSyntax { Expression: NameExpressionSyntax n } when i == 0 => n.Name,
                _ => null,
            };
            Symbol? symbol;
            if (against.Type.AnswerSet is { } set) symbol = set.FindOption(name);
            else if (against.Type.Field is { } field) symbol = field.FindValue(name);
            else
            {
                resolved.Add(null);
                continue;
            }
            if (symbol is null)
            {
                if (token is { } written && IsValid(written)) ReportUnknownName(written, name, against);
            }
            else if (token is { } written)
            {
                AddReference(symbol, written);
            }
            resolved.Add(symbol);
        }
        var all = resolved.MoveToImmutable();
        if (all.Length == 1) all = all[0] is { } only ? SingleResolved(only) : Unresolved;
        var result = names with { Resolved = all };
        _file.Bound[syntax] = result;
        return result;
    }

    // One array per name and one per option or value a single name resolves to, shared by every condition that
    // writes it ('== yes', '!= none' in every standard): two arrays for each of them were a twentieth of what a
    // check kept. (Bound expressions are never compared by value, so sharing changes nothing they mean.)
    private static readonly ImmutableArray<Symbol?> Unresolved = [null];
    private readonly Dictionary<string, ImmutableArray<string>> _singleNames = new(StringComparer.Ordinal);
    private readonly Dictionary<Symbol, ImmutableArray<Symbol?>> _singleResolved = new(SymbolComparer.Instance);

    private ImmutableArray<string> SingleName(string name)
    {
        if (!_singleNames.TryGetValue(name, out var names)) _singleNames[name] = names = [name];
        return names;
    }

    private ImmutableArray<Symbol?> SingleResolved(Symbol symbol)
    {
        if (!_singleResolved.TryGetValue(symbol, out var resolved)) _singleResolved[symbol] = resolved = [symbol];
        return resolved;
    }

    private static SyntaxToken? ItemAt(SetExpressionSyntax set, int index)
    {
        foreach (var token in set.ItemsAndCommas)
            if (token.Kind == SyntaxKind.IdentifierToken && index-- == 0) return token;
        return null;
    }

    private void ReportUnknownName(SyntaxToken token, string name, BoundExpression against)
    {
        var (owner, candidates) = against.Type.AnswerSet is { } set
            ? (against is BoundQuestionReference q ? Capitalize(q.Question.Display) : $"Answer set '{set.Name}'", set.Options.Select(o => o.Name))
            : ($"Case field '{against.Type.Field!.Name}'", against.Type.Field.Values.Select(v => v.Name));
        Report(DiagnosticCatalog.UnknownOption(Loc(token), owner, name, [.. candidates]));
    }

    private BoundExpression BindAggregate(AggregateExpressionSyntax syntax)
    {
        var function = syntax.Function.Text switch
        {
            "any" => AggregateFunction.Any,
            "all" => AggregateFunction.All,
            "none" => AggregateFunction.None,
            _ => AggregateFunction.Count,
        };
        var target = syntax.Target.Text;
        if (!IsValid(syntax.Target)) return new BoundError(syntax);
        if (!target.EndsWith(".*", StringComparison.Ordinal))
        {
            Report(DiagnosticCatalog.TypeMismatch(Loc(syntax.Target),
                $"{syntax.Function.Text}() counts over the prompts of a key question; write '{target}.*' rather than '{target}'."));
            return new BoundError(syntax);
        }
        var code = target[..^2];
        if (Find(_hot.Questions, _cold.Questions, code) is not KeyQuestionSymbol keyQuestion)
        {
            Report(DiagnosticCatalog.UnknownReference(Loc(syntax.Target), code,
                Suggestions.Nearest(code, Declarations(_hot.Questions, _cold.Questions).Select(d => d.Value).OfType<KeyQuestionSymbol>().Select(k => k.Code))));
            return new BoundError(syntax);
        }
        DependOn(keyQuestion);
        _file.References.Add(new SymbolReference(keyQuestion, _tree.Text, new Rules.Core.Text.TextSpan(syntax.Target.Position, code.Length), false));

        if (syntax.OperatorToken.Kind == SyntaxKind.EqualsEqualsToken)
        {
            var option = syntax.Operand.Text;
            var matching = keyQuestion.Prompts.Select(p => p.AnswerSet?.FindOption(option)).Where(o => o is not null).ToList();
            if (IsValid(syntax.Operand) && matching.Count == 0)
            {
                var candidates = keyQuestion.Prompts.SelectMany(p => p.AnswerSet?.Options ?? []).Select(o => o.Name).Distinct();
                Report(DiagnosticCatalog.NoPromptHasOption(Loc(syntax.Operand), code, option, [.. candidates]));
            }
            foreach (var o in matching) AddReference(o!, syntax.Operand);
            return new BoundAggregate(function, keyQuestion, null, option, syntax);
        }
        var test = syntax.Operand.Text switch
        {
            "positive" => OutcomeTest.Positive,
            "negative" => OutcomeTest.Negative,
            "not_applicable" => OutcomeTest.NotApplicable,
            _ => OutcomeTest.Answered,
        };
        return new BoundAggregate(function, keyQuestion, test, null, syntax);
    }

    /// <summary><c>{ a, b }</c>: the names, resolved later against what they are compared with.</summary>
    private static BoundNames BindSetLiteral(SetExpressionSyntax set)
    {
        var count = 0;
        foreach (var token in set.ItemsAndCommas) if (token.Kind == SyntaxKind.IdentifierToken) count++;
        var names = new string[count];
        var n = 0;
        foreach (var token in set.ItemsAndCommas) if (token.Kind == SyntaxKind.IdentifierToken) names[n++] = token.Text;
        return new BoundNames(ImmutableCollectionsMarshal.AsImmutableArray(names), ImmutableCollectionsMarshal.AsImmutableArray(new Symbol?[count]),
            IsSetLiteral: true, set);
    }
}
