using System.Collections.Immutable;
using Rules.Core.Syntax;
using Sprache;
using static Rules.Core.Parsing.TokenParsers;

namespace Rules.Core.Parsing;

/// <summary>
/// The grammar of declaration headers, one-line members and expressions, in Sprache. Blocks
/// (<c>{ ... }</c>) and error recovery are driven by <see cref="Parser"/>, which calls these.
/// </summary>
internal static class Grammar
{
    private static readonly string[] ReservedInExpressions = ["and", "or", "not", "in", "is"];

    private static Parser<SyntaxToken> Identifier => Token(SyntaxKind.IdentifierToken);
    private static Parser<SyntaxToken> ExpectIdentifier(string expected) => Expect(SyntaxKind.IdentifierToken, expected);
    private static Parser<SyntaxToken> ExpectString(string expected = "text in quotes") => Expect(SyntaxKind.StringToken, expected);
    private static Parser<SyntaxToken> ExpectNumber(string expected = "a number") => Expect(SyntaxKind.NumberToken, expected);

    /// <summary>A first token and the (separator, item) pairs after it, as one list in source order.</summary>
    private static ImmutableArray<SyntaxToken> Flatten(SyntaxToken first, IEnumerable<SyntaxToken[]> rest)
    {
        var builder = ImmutableArray.CreateBuilder<SyntaxToken>();
        builder.Add(first);
        foreach (var pair in rest) builder.AddRange(pair);
        return builder.ToImmutable();
    }

    // ---- Expressions -------------------------------------------------------------------------

    // A late-bound reference for recursion into parentheses. Not Sprache's Parse.Ref: it memoises
    // per input position and throws when a failed result is met again, which backtracking does.
    private static readonly Parser<ExpressionSyntax> ExpressionReference = input => Expression!(input);

    private static readonly Parser<ExpressionSyntax> Parenthesized =
        Sequence.Of(OpenParenWithinLimit(), ExpressionReference, Expect(SyntaxKind.CloseParenToken),
            (open, expression, close) => (ExpressionSyntax)new ParenthesizedExpressionSyntax(open, expression, close));

    private static readonly string[] Outcomes = ["positive", "negative", "not_applicable", "answered"];

    private const string OutcomeExpected = "'positive', 'negative', 'not_applicable' or 'answered'";

    // After 'is' the outcome is the only thing that can follow: a misspelt one ('positve') becomes a missing token, so
    // the condition keeps its shape and the word is reported once, with "did you mean".
    private static readonly Parser<SyntaxToken> ExpectOutcome = input =>
    {
        var t = (TokenInput)input;
        return Array.IndexOf(Outcomes, t.Token.Kind == SyntaxKind.IdentifierToken ? t.Token.Text : null) >= 0
            ? t.Matched
            : Result.Success(t.Stream.Missing(SyntaxKind.IdentifierToken, t.Token.Position, OutcomeExpected), input);
    };

    // 'is' and an outcome, or '==' and an option. (When 'is' is followed by no outcome, that failure
    // is the furthest, so it is the one reported, as when the operand was chosen by the operator.)
    private static readonly Parser<(SyntaxToken Operator, SyntaxToken Operand)> AggregateTest =
        Sequence.Of(Keyword("is"), ExpectOutcome, (op, operand) => (op, operand))
            .OrElse(Sequence.Of(Token(SyntaxKind.EqualsEqualsToken), ExpectIdentifier("an option"), (op, operand) => (op, operand)));

    private static readonly Parser<ExpressionSyntax> Aggregate =
        Sequence.Of(Keywords("any", "all", "none", "count"), Token(SyntaxKind.OpenParenToken), Expect(SyntaxKind.CodeToken, "prompts such as 2.4.1.*"),
            AggregateTest, Expect(SyntaxKind.CloseParenToken),
            (function, open, target, test, close) => (ExpressionSyntax)new AggregateExpressionSyntax(function, open, target, test.Operator, test.Operand, close));

    private static readonly Parser<ExpressionSyntax> CaseFieldReference =
        Sequence.Of(Keyword("case"), Token(SyntaxKind.DotToken), ExpectIdentifier("a case field"),
            (keyword, dot, field) => (ExpressionSyntax)new CaseFieldExpressionSyntax(keyword, dot, field));

    /// <summary>A separator and the item after it (', a' or '| a').</summary>
    private static Parser<SyntaxToken[]> SeparatedItem(SyntaxKind separator, string expected) =>
        Sequence.Of(Token(separator), ExpectIdentifier(expected), (comma, item) => new[] { comma, item });

    private static readonly Parser<ImmutableArray<SyntaxToken>> IdentifierList =
        Sequence.Of(Identifier, SeparatedItem(SyntaxKind.CommaToken, "an option").Many(), Flatten)
        .OrElse(Parse.Return(ImmutableArray<SyntaxToken>.Empty));

    private static readonly Parser<ExpressionSyntax> SetLiteral =
        Sequence.Of(Token(SyntaxKind.OpenBraceToken), IdentifierList, Expect(SyntaxKind.CloseBraceToken),
            (open, items, close) => (ExpressionSyntax)new SetExpressionSyntax(open, items, close));

    // The alternatives of Parenthesized.OrElse(Aggregate).OrElse(CaseFieldReference)..., each with the tokens it starts with.
    private static readonly Parser<ExpressionSyntax> Operand = Alternatives.ByFirstToken(
        (t => t.Kind == SyntaxKind.OpenParenToken, Parenthesized),
        (t => t.Kind == SyntaxKind.IdentifierToken && t.Text is "any" or "all" or "none" or "count", Aggregate),
        (t => t.IsKeyword("case"), CaseFieldReference),
        (t => t.Kind == SyntaxKind.CodeToken, Token(SyntaxKind.CodeToken).Map(t => (ExpressionSyntax)new ReferenceExpressionSyntax(t))),
        (t => t.Kind == SyntaxKind.OpenBraceToken, SetLiteral),
        (t => t.Kind == SyntaxKind.IdentifierToken && t.Text is "true" or "false", Keywords("true", "false").Map(t => (ExpressionSyntax)new BooleanLiteralExpressionSyntax(t))),
        (t => t.Kind == SyntaxKind.NumberToken, Token(SyntaxKind.NumberToken).Map(t => (ExpressionSyntax)new NumberLiteralExpressionSyntax(t))),
        (t => t.Kind == SyntaxKind.StringToken, Token(SyntaxKind.StringToken).Map(t => (ExpressionSyntax)new StringLiteralExpressionSyntax(t))),
        (t => t.Kind == SyntaxKind.IdentifierToken, IdentifierExcept(ReservedInExpressions).Map(t => (ExpressionSyntax)new NameExpressionSyntax(t))));

    private static bool StartsComparisonTail(SyntaxToken t) =>
        t.Kind is SyntaxKind.EqualsEqualsToken or SyntaxKind.BangEqualsToken or SyntaxKind.LessEqualsToken or SyntaxKind.LessToken
            or SyntaxKind.GreaterEqualsToken or SyntaxKind.GreaterToken
        || t.IsKeyword("in") || t.IsKeyword("is");

    // Operand, then optionally a comparison tail: the same as Sequence.Of(Operand, ComparisonTail.Optional(), ...),
    // without wrapping the operand's result again when no tail follows (the usual case inside 'and'/'or').
    // Operand, then optionally a comparison tail: the same as Sequence.Of(Operand, ComparisonTail.Optional(), ...)
    // (ComparisonTail's alternatives each start with one token, and Optional drops a failure, so a tail that
    // does not parse leaves the operand alone), without a result for the tail or a new one for a bare operand.
    private static readonly Parser<ExpressionSyntax> Comparison = input =>
    {
        var left = Operand(input);
        if (!left.WasSuccessful) return left;
        var at = (TokenInput)left.Remainder;
        var op = at.Token;
        if (!StartsComparisonTail(op)) return left;
        var next = (TokenInput)at.Advance();
        if (op.IsKeyword("is"))
        {
            var outcome = ExpectOutcome(next); // always succeeds: 'is positve' gets a missing outcome
            return Result.Success<ExpressionSyntax>(new IsExpressionSyntax(left.Value, op, outcome.Value), outcome.Remainder);
        }
        var right = StartsNextMember(next) ? null : Operand(next);
        // Nothing that can be compared after the operator ('>=' last on a line, 'in [a, b]'): the operand is
        // missing there, and the comparison keeps its shape (dropping the operator would report it, not what is missing).
        if (right is not { WasSuccessful: true })
            return Result.Success<ExpressionSyntax>(new BinaryExpressionSyntax(left.Value, op, new MissingExpressionSyntax(
                next.Stream.Missing(SyntaxKind.IdentifierToken, next.Token.Position, op.IsKeyword("in") ? "a set such as {a, b}" : "a value"))), next);
        return Result.Success<ExpressionSyntax>(new BinaryExpressionSyntax(left.Value, op, right.Value), right.Remainder);
    };

    // 'not not x' is folded from a list rather than by recursion, so long chains cannot overflow the stack.
    // (As Keyword("not").Many() then Comparison, without a list or a result when there is no 'not'.)
    private static readonly Parser<ExpressionSyntax> Negation = input =>
    {
        var at = (TokenInput)input;
        if (!at.Token.IsKeyword("not")) return Comparison(input);
        var nots = new List<SyntaxToken>();
        while (at.Token.IsKeyword("not"))
        {
            nots.Add(at.Token);
            at = (TokenInput)at.Advance();
        }
        var operand = Comparison(at);
        if (!operand.WasSuccessful) return operand;
        var value = operand.Value;
        for (var i = nots.Count - 1; i >= 0; i--) value = new NotExpressionSyntax(nots[i], value);
        return Result.Success(value, operand.Remainder);
    };

    private static Parser<ExpressionSyntax> LeftAssociative(Parser<ExpressionSyntax> operand, string keyword) =>
        Sequence.Fold(operand, Sequence.Of(Keyword(keyword), RightOperand(operand, keyword), (op, right) => (op, right)),
            (left, pair) => (ExpressionSyntax)new BinaryExpressionSyntax(left, pair.op, pair.right),
            t => t.IsKeyword(keyword));

    // The condition after 'and' or 'or'. When nothing that can start one follows ('when a and' at the end of a line),
    // it is missing rather than the 'and' being left over, so the error says what is missing and where.
    private static Parser<ExpressionSyntax> RightOperand(Parser<ExpressionSyntax> operand, string keyword)
    {
        var expected = $"a condition after '{keyword}'";
        return input =>
        {
            var t = (TokenInput)input;
            if (StartsNextMember(t))
                return Result.Success<ExpressionSyntax>(
                    new MissingExpressionSyntax(t.Stream.Missing(SyntaxKind.IdentifierToken, t.Token.Position, expected)), input);
            var result = operand(input);
            if (result.WasSuccessful || !result.Remainder.Equals(input)) return result;
            return Result.Success<ExpressionSyntax>(
                new MissingExpressionSyntax(t.Stream.Missing(SyntaxKind.IdentifierToken, t.Token.Position, expected)), input);
        };
    }

    private static readonly Parser<ExpressionSyntax> Conjunction = LeftAssociative(Negation, "and");

    public static readonly Parser<ExpressionSyntax> Expression = LeftAssociative(Conjunction, "or");

    private static readonly Parser<ExpressionSyntax> MissingExpression = input =>
    {
        var t = (TokenInput)input;
        return Result.Success<ExpressionSyntax>(
            new MissingExpressionSyntax(t.Stream.Missing(SyntaxKind.IdentifierToken, t.Token.Position, "a condition")), input);
    };

    /// <summary>
    /// Whether a condition cut short at the end of a line ('when', 'and' or 'or' last on it) is followed by the next
    /// member ('prompt b ...'): the word starts a line, is a keyword that starts a member, and is not compared with
    /// anything. Taken as a name in the condition, it would lose that member. ('case' and 'not' start conditions too.)
    /// </summary>
    private static bool StartsNextMember(TokenInput t)
    {
        var token = t.Token;
        if (!token.StartsLine || token.Kind != SyntaxKind.IdentifierToken || Array.IndexOf(Parser.MemberKeywords, token.Text) < 0) return false;
        return !StartsComparisonTail(t.Stream.Tokens[Math.Min(t.Index + 1, t.Stream.Tokens.Count - 1)]);
    }

    private static readonly Parser<ExpressionSyntax> ExpressionOrMissing = Expression.OrElse(MissingExpression);

    private static readonly Parser<ExpressionSyntax> ConditionOrMissing = input =>
        StartsNextMember((TokenInput)input) ? MissingExpression(input) : ExpressionOrMissing(input);

    public static readonly Parser<WhenClauseSyntax> When =
        Sequence.Of(Keyword("when"), ConditionOrMissing, (keyword, condition) => new WhenClauseSyntax(keyword, condition));

    private static readonly Parser<WhenClauseSyntax> ExpectWhen =
        When.OrElse(input =>
        {
            var t = (TokenInput)input;
            var keyword = t.Stream.Missing(SyntaxKind.IdentifierToken, t.Token.Position, "'when' and a condition");
            return Result.Success(new WhenClauseSyntax(keyword, new MissingExpressionSyntax(
                t.Stream.Missing(SyntaxKind.IdentifierToken, t.Token.Position, "a condition"))), input);
        });

    // ---- Headers of block declarations ---------------------------------------------------------

    private static Parser<(SyntaxToken Keyword, SyntaxToken Name)> KeywordAndName(string keyword, Parser<SyntaxToken> name) =>
        Sequence.Of(Keyword(keyword), name, (k, n) => (k, n));

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Name)> FrameworkHeader =
        KeywordAndName("framework", ExpectString("the framework's name in quotes"));

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Name)> ScaleHeader =
        KeywordAndName("scale", ExpectIdentifier("the scale's name"));

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Name)> AnswersHeader =
        KeywordAndName("answers", ExpectIdentifier("the answer set's name"));

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Number, SyntaxToken Title)> DomainHeader =
        Sequence.Of(Keyword("domain"), ExpectNumber("the domain's number"), ExpectString("the domain's title in quotes"),
            (keyword, number, title) => (keyword, number, title));

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Code, SyntaxToken Title, WhenClauseSyntax? When)> StandardHeader =
        Sequence.Of(Keyword("standard"), ExpectNumber("the standard's code, such as 2.4"), ExpectString("the standard's title in quotes"), OptionalParser.When(t => t.IsKeyword("when"), When),
            (keyword, code, title, when) => (keyword, code, title, (WhenClauseSyntax?)when.GetOrDefault()));

    /// <summary>
    /// An item's answer set. When the ':' before it is missing and the line ends there (often because the question's
    /// quote was never closed, so ': YesNo' became part of the text), the next line's first word starts the next member:
    /// it is not taken for the answer set, which is missing instead. After a ':' the name may be on the next line.
    /// </summary>
    private static readonly Parser<SyntaxToken> ExpectAnswerSet = input =>
    {
        var t = (TokenInput)input;
        return t.Token.Kind == SyntaxKind.IdentifierToken && !LineEndedWithoutColon(t)
            ? t.Matched
            : Result.Success(t.Stream.Missing(SyntaxKind.IdentifierToken, t.Token.Position, "an answer set"), input);
    };

    /// <summary>Whether the token starts a line and the line before it did not end with the ':' expected there.</summary>
    private static bool LineEndedWithoutColon(TokenInput t) =>
        t.Token.StartsLine && t.Index > 0 && t.Stream.Tokens.KindOf(t.Index - 1) != SyntaxKind.ColonToken;

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Code, SyntaxToken Text, SyntaxToken Colon, SyntaxToken Set, WhenClauseSyntax? When)> KeyQuestionHeader =
        Sequence.Of(Keyword("key_question"), Expect(SyntaxKind.CodeToken, "the key question's code, such as 2.4.1"), ExpectString("the question in quotes"),
            Expect(SyntaxKind.ColonToken, "':' and an answer set"), ExpectAnswerSet, OptionalParser.When(t => t.IsKeyword("when"), When),
            (keyword, code, text, colon, set, when) => (keyword, code, text, colon, set, (WhenClauseSyntax?)when.GetOrDefault()));

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Letter, SyntaxToken Text, SyntaxToken Colon, SyntaxToken Set, WhenClauseSyntax? When)> PromptHeader =
        Sequence.Of(Keyword("prompt"), ExpectIdentifier("the prompt's letter"), ExpectString("the prompt in quotes"),
            Expect(SyntaxKind.ColonToken, "':' and an answer set"), ExpectAnswerSet, OptionalParser.When(t => t.IsKeyword("when"), When),
            (keyword, letter, text, colon, set, when) => (keyword, letter, text, colon, set, (WhenClauseSyntax?)when.GetOrDefault()));

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Name, SyntaxToken Title, SyntaxToken By, SyntaxToken Case, SyntaxToken Dot, SyntaxToken Field)> BreakdownHeader =
        Sequence.Of(Keyword("breakdown"), ExpectIdentifier("the breakdown's name"), ExpectString("the breakdown's title in quotes"),
            ExpectKeyword("by"), ExpectKeyword("case"), Expect(SyntaxKind.DotToken), ExpectIdentifier("a case field"),
            (keyword, name, title, byKeyword, caseKeyword, dot, field) => (keyword, name, title, byKeyword, caseKeyword, dot, field));

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Name)> TestHeader =
        KeywordAndName("test", ExpectString("the test's name in quotes"));

    // ---- One-line members ----------------------------------------------------------------------

    public static readonly Parser<DeclarationSyntax> Import =
        Sequence.Of(Keyword("import"), ExpectString("the path of the file to import, in quotes"),
            (keyword, path) => (DeclarationSyntax)new ImportDeclarationSyntax(keyword, path));

    public static readonly Parser<DeclarationSyntax> Version =
        Sequence.Of(Keyword("version"), ExpectString("the version in quotes"),
            (keyword, value) => (DeclarationSyntax)new VersionClauseSyntax(keyword, value));

    public static readonly Parser<DeclarationSyntax> ScaleClause =
        Sequence.Of(Keyword("scale"), ExpectIdentifier("the name of a scale"),
            (keyword, name) => (DeclarationSyntax)new ScaleClauseSyntax(keyword, name));

    public static readonly Parser<DeclarationSyntax> OverallBand =
        Sequence.Of(Identifier, ExpectKeyword("from"), ExpectNumber("the lowest total score of the band"),
            (level, fromKeyword, bound) => (DeclarationSyntax)new OverallBandSyntax(level, fromKeyword, bound));

    public static readonly Parser<DeclarationSyntax> ScaleLevel =
        Sequence.Of(Identifier, ExpectString("the level's label in quotes"), ExpectKeyword("score"), ExpectNumber("the level's score"),
            ExpectKeyword("from"), ExpectNumber("the lowest percentage of the level"), Expect(SyntaxKind.PercentToken),
            (name, label, scoreKeyword, score, fromKeyword, bound, percent) => (DeclarationSyntax)new ScaleLevelSyntax(name, label, scoreKeyword, score, fromKeyword, bound, percent));

    // ',' between a field's values, as in a list elsewhere: taken for the '|' meant (and reported), so the values after
    // it are still the field's, rather than the rest of the line being skipped.
    private static readonly Parser<SyntaxToken> CommaForPipe = input =>
    {
        var t = (TokenInput)input;
        return t.Token.Kind == SyntaxKind.CommaToken && !t.Token.StartsLine
            ? Result.Success(t.Stream.Misspelt(t.Token, "|"), t.Advance())
            : Result.Failure<SyntaxToken>(input, "unexpected token", CommaExpected);
    };

    private static readonly string[] CommaExpected = ["','"];

    private static readonly Parser<EnumFieldTypeSyntax> EnumValues =
        Sequence.Of(ExpectIdentifier("a value"),
            SeparatedItem(SyntaxKind.PipeToken, "a value").OrElse(Sequence.Of(CommaForPipe, ExpectIdentifier("a value"), (comma, item) => new[] { comma, item })).Many(),
            (first, rest) => new EnumFieldTypeSyntax(Flatten(first, rest)));

    private static readonly Parser<FieldTypeSyntax> FieldType =
        Keyword("number").Map(k => (FieldTypeSyntax)new NumberFieldTypeSyntax(k))
            .OrElse(Keyword("boolean").Map(k => (FieldTypeSyntax)new BooleanFieldTypeSyntax(k)))
            .OrElse(Sequence.Of(Keyword("set"), Keyword("of"), EnumValues, (set, of, values) => (FieldTypeSyntax)new SetFieldTypeSyntax(set, of, values)))
            .OrElse(EnumValues.Map(v => (FieldTypeSyntax)v));

    // A field's type. As with an answer set (ExpectAnswerSet), after a missing ':' at the end of a line the next line
    // is the next field, not a value of an enum type.
    private static readonly Parser<FieldTypeSyntax> ExpectFieldType = input =>
    {
        var t = (TokenInput)input;
        if (!LineEndedWithoutColon(t)) return FieldType(input);
        return Result.Success<FieldTypeSyntax>(new EnumFieldTypeSyntax([t.Stream.Missing(SyntaxKind.IdentifierToken, t.Token.Position, "the field's type")]), input);
    };

    public static readonly Parser<DeclarationSyntax> CaseField =
        Sequence.Of(Identifier, ExpectString("the field's label in quotes"), Expect(SyntaxKind.ColonToken, "':' and the field's type"), ExpectFieldType,
            (name, label, colon, type) => (DeclarationSyntax)new CaseFieldSyntax(name, label, colon, type));

    // An option's outcome, on the option's line. A slip ('postive') is taken for the outcome meant (and reported), rather
    // than read as the next option, without a label.
    private static readonly Parser<SyntaxToken?> OptionalOutcome = input =>
    {
        var t = (TokenInput)input;
        var token = t.Token;
        if (token.Kind == SyntaxKind.IdentifierToken && !token.StartsLine)
        {
            if (Array.IndexOf(SyntaxFacts.OptionOutcomes, token.Text) >= 0) return Result.Success<SyntaxToken?>(token, t.Advance());
            if (SlipOf(token.Text, SyntaxFacts.OptionOutcomes) is { } meant)
                return Result.Success<SyntaxToken?>(t.Stream.Misspelt(token, meant), t.Advance());
        }
        return Result.Success<SyntaxToken?>(null, input);
    };

    public static readonly Parser<DeclarationSyntax> AnswerOption =
        Sequence.Of(Identifier, ExpectString("the option's label in quotes"), OptionalOutcome,
            (name, label, outcome) => (DeclarationSyntax)new AnswerOptionSyntax(name, label, outcome));

    public static readonly Parser<DeclarationSyntax> Summary =
        Sequence.Of(Keyword("summary"), ExpectEither(SyntaxKind.StringToken, SyntaxKind.MultiLineStringToken, "the summary in quotes"),
            (keyword, text) => (DeclarationSyntax)new SummaryClauseSyntax(keyword, text));

    public static readonly Parser<DeclarationSyntax> Guidance =
        Sequence.Of(Keyword("guidance"), ExpectEither(SyntaxKind.MultiLineStringToken, SyntaxKind.StringToken, "the guidance in quotes"),
            (keyword, text) => (DeclarationSyntax)new GuidanceClauseSyntax(keyword, text));

    public static readonly Parser<DeclarationSyntax> RatingRule =
        Sequence.Of(Keyword("rated"), ExpectKeyword("by"),
                Sequence.Of(Keyword("lowest"), ExpectKeyword("key_question"), (lowest, kq) => (RatingMethod.LowestKeyQuestion, new[] { lowest, kq }))
                    .OrElse(Keyword("inspector").Map(i => (RatingMethod.Inspector, new[] { i }))),
                (rated, byKeyword, rest) => (DeclarationSyntax)new RatingRuleSyntax(rest.Item1, [rated, byKeyword, .. rest.Item2]))
        .OrElse(Sequence.Of(Keyword("not"), ExpectKeyword("rated"),
            (notKeyword, rated) => (DeclarationSyntax)new RatingRuleSyntax(RatingMethod.NotRated, [notKeyword, rated])));

    // 'check' or 'signal', and which: from the keyword meant when a misspelt one ('singal') was taken for it.
    private static readonly Parser<(SyntaxKind Kind, SyntaxToken Keyword)> CheckKeyword = input =>
    {
        var t = (TokenInput)input;
        var word = t.Token.Kind == SyntaxKind.IdentifierToken ? t.Stream.TakenAs(t.Token.Position) ?? t.Token.Text : null;
        return word is "check" or "signal"
            ? Result.Success((word == "signal" ? SyntaxKind.SignalDeclaration : SyntaxKind.CheckDeclaration, t.Token), t.Advance())
            : Result.Failure<(SyntaxKind, SyntaxToken)>(input, "unexpected token", CheckOrSignal);
    };

    private static readonly string[] CheckOrSignal = ["'check'", "'signal'"];

    public static readonly Parser<DeclarationSyntax> Check =
        Sequence.Of(CheckKeyword, ExpectString("the message in quotes"), ExpectWhen,
            (keyword, message, when) => (DeclarationSyntax)new CheckDeclarationSyntax(keyword.Kind, keyword.Keyword, message, when));

    private static readonly Parser<GroupSpecSyntax> GroupSpec =
        Sequence.Of(Keyword("from"), ExpectNumber(), (fromKeyword, low) => (GroupSpecSyntax)new FromGroupSpecSyntax(fromKeyword, low))
        .OrElse(Sequence.Of(Token(SyntaxKind.NumberToken), ExpectKeyword("to"), ExpectNumber(),
            (low, toKeyword, high) => (GroupSpecSyntax)new RangeGroupSpecSyntax(low, toKeyword, high)))
        .OrElse(Keywords("true", "false").Map(v => (GroupSpecSyntax)new BooleanGroupSpecSyntax(v)))
        .OrElse(Sequence.Of(Expect(SyntaxKind.IdentifierToken, "options, a range such as 18 to 25, 'from 56', true or false"),
            SeparatedItem(SyntaxKind.CommaToken, "an option").Many(),
            (first, rest) => (GroupSpecSyntax)new OptionListGroupSpecSyntax(Flatten(first, rest))));

    public static readonly Parser<DeclarationSyntax> BreakdownGroup =
        Sequence.Of(Token(SyntaxKind.StringToken), Expect(SyntaxKind.ColonToken), GroupSpec,
            (label, colon, spec) => (DeclarationSyntax)new BreakdownGroupSyntax(label, colon, spec));

    private static readonly Parser<ExpressionSyntax> TestValue =
        SetLiteral
            .OrElse(Keywords("true", "false").Map(t => (ExpressionSyntax)new BooleanLiteralExpressionSyntax(t)))
            .OrElse(Token(SyntaxKind.NumberToken).Map(t => (ExpressionSyntax)new NumberLiteralExpressionSyntax(t)))
            .OrElse(Token(SyntaxKind.StringToken).Map(t => (ExpressionSyntax)new StringLiteralExpressionSyntax(t)))
            .OrElse(Identifier.Map(t => (ExpressionSyntax)new NameExpressionSyntax(t)))
            .OrElse(input =>
            {
                var t = (TokenInput)input;
                return Result.Success<ExpressionSyntax>(new MissingExpressionSyntax(
                    t.Stream.Missing(SyntaxKind.IdentifierToken, t.Token.Position, "a value")), input);
            });

    public static readonly Parser<DeclarationSyntax> TestCaseEntry =
        Sequence.Of(Identifier, Expect(SyntaxKind.ColonToken), TestValue, Token(SyntaxKind.CommaToken).Optional(),
            (field, colon, value, comma) => (DeclarationSyntax)new TestCaseEntrySyntax(field, colon, value, comma.OrNone()));

    public static readonly Parser<DeclarationSyntax> TestAnswerEntry =
        Sequence.Of(Token(SyntaxKind.CodeToken).OrElse(Token(SyntaxKind.StringToken)), Expect(SyntaxKind.ColonToken),
            ExpectEither(SyntaxKind.IdentifierToken, SyntaxKind.StringToken, "an option"), Token(SyntaxKind.CommaToken).Optional(),
            (code, colon, option, comma) => (DeclarationSyntax)new TestAnswerEntrySyntax(code, colon, option, comma.OrNone()));

    // What an item is expected to be, after its code: 'applicable', 'not applicable', 'positive', ...
    private static readonly Parser<(ExpectationKind Kind, ImmutableArray<SyntaxToken> Words)> ItemExpectation =
        Keyword("applicable").Map(w => (ExpectationKind.Applicable, ImmutableArray.Create(w)))
        .OrElse(Sequence.Of(Keyword("not"), ExpectKeyword("applicable"),
            (notKeyword, applicable) => (ExpectationKind.NotApplicable, ImmutableArray.Create(notKeyword, applicable))))
        .OrElse(Keyword("positive").Map(w => (ExpectationKind.Positive, ImmutableArray.Create(w))))
        .OrElse(Keyword("negative").Map(w => (ExpectationKind.Negative, ImmutableArray.Create(w))))
        .OrElse(Sequence.Of(Token(SyntaxKind.EqualsEqualsToken), ExpectIdentifier("an option"),
            (equalsToken, option) => (ExpectationKind.AnsweredWith, ImmutableArray.Create(equalsToken, option))));

    private static readonly Parser<(ExpectationKind Kind, SyntaxToken? Code, ImmutableArray<SyntaxToken> Words)> ExpectationBody =
        Keyword("valid").Map(w => (ExpectationKind.Valid, (SyntaxToken?)null, ImmutableArray.Create(w)))
        .OrElse(Keyword("invalid").Map(w => (ExpectationKind.Invalid, (SyntaxToken?)null, ImmutableArray.Create(w))))
        .OrElse(Sequence.Of(Keyword("signal"), ExpectString("the signal's message in quotes"),
            (signal, message) => (ExpectationKind.Signal, (SyntaxToken?)null, ImmutableArray.Create(signal, message))))
        .OrElse(Sequence.Of(Token(SyntaxKind.CodeToken), ItemExpectation,
            (code, words) => (words.Kind, (SyntaxToken?)code, words.Words)));

    public static readonly Parser<DeclarationSyntax> Expectation =
        Sequence.Of(Keyword("expect"), ExpectationBody,
            (keyword, rest) => (DeclarationSyntax)new ExpectationSyntax(keyword, rest.Kind, rest.Code, rest.Words));
}
