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

    private static readonly Parser<SyntaxToken> Outcome =
        Keywords("positive", "negative", "not_applicable", "answered");

    private static readonly Parser<ExpressionSyntax> Aggregate =
        from function in Keywords("any", "all", "none", "count")
        from open in Token(SyntaxKind.OpenParenToken)
        from target in Expect(SyntaxKind.CodeToken, "prompts such as 2.4.1.*")
        from op in Keyword("is").Or(Token(SyntaxKind.EqualsEqualsToken))
        from operand in op.Kind == SyntaxKind.IdentifierToken ? Outcome : ExpectIdentifier("an option")
        from close in Expect(SyntaxKind.CloseParenToken)
        select (ExpressionSyntax)new AggregateExpressionSyntax(function, open, target, op, operand, close);

    private static readonly Parser<ExpressionSyntax> CaseFieldReference =
        Sequence.Of(Keyword("case"), Token(SyntaxKind.DotToken), ExpectIdentifier("a case field"),
            (keyword, dot, field) => (ExpressionSyntax)new CaseFieldExpressionSyntax(keyword, dot, field));

    private static readonly Parser<ImmutableArray<SyntaxToken>> IdentifierList =
        (from first in Identifier
         from rest in (from comma in Token(SyntaxKind.CommaToken)
                       from item in ExpectIdentifier("an option")
                       select new[] { comma, item }).Many()
         select Flatten(first, rest))
        .Or(Parse.Return(ImmutableArray<SyntaxToken>.Empty));

    private static readonly Parser<ExpressionSyntax> SetLiteral =
        from open in Token(SyntaxKind.OpenBraceToken)
        from items in IdentifierList
        from close in Expect(SyntaxKind.CloseBraceToken)
        select (ExpressionSyntax)new SetExpressionSyntax(open, items, close);

    // The alternatives of Parenthesized.Or(Aggregate).Or(CaseFieldReference)..., each with the tokens it starts with.
    private static readonly Parser<ExpressionSyntax> Operand = Alternatives.ByFirstToken(
        // Never run alone: its Parse.Ref memoizes a failure per position and throws if asked again
        // there, so a '(' always goes through the whole chain, as it did before.
        (_ => false, Parenthesized),
        (t => t.Kind == SyntaxKind.IdentifierToken && t.Text is "any" or "all" or "none" or "count", Aggregate),
        (t => t.IsKeyword("case"), CaseFieldReference),
        (t => t.Kind == SyntaxKind.CodeToken, Token(SyntaxKind.CodeToken).Select(t => (ExpressionSyntax)new ReferenceExpressionSyntax(t))),
        (t => t.Kind == SyntaxKind.OpenBraceToken, SetLiteral),
        (t => t.Kind == SyntaxKind.IdentifierToken && t.Text is "true" or "false", Keywords("true", "false").Select(t => (ExpressionSyntax)new BooleanLiteralExpressionSyntax(t))),
        (t => t.Kind == SyntaxKind.NumberToken, Token(SyntaxKind.NumberToken).Select(t => (ExpressionSyntax)new NumberLiteralExpressionSyntax(t))),
        (t => t.Kind == SyntaxKind.StringToken, Token(SyntaxKind.StringToken).Select(t => (ExpressionSyntax)new StringLiteralExpressionSyntax(t))),
        (t => t.Kind == SyntaxKind.IdentifierToken, IdentifierExcept(ReservedInExpressions).Select(t => (ExpressionSyntax)new NameExpressionSyntax(t))));

    private static readonly Parser<SyntaxToken> ComparisonOperator = Alternatives.ByFirstToken(
        (t => t.Kind == SyntaxKind.EqualsEqualsToken, Token(SyntaxKind.EqualsEqualsToken)),
        (t => t.Kind == SyntaxKind.BangEqualsToken, Token(SyntaxKind.BangEqualsToken)),
        (t => t.Kind == SyntaxKind.LessEqualsToken, Token(SyntaxKind.LessEqualsToken)),
        (t => t.Kind == SyntaxKind.LessToken, Token(SyntaxKind.LessToken)),
        (t => t.Kind == SyntaxKind.GreaterEqualsToken, Token(SyntaxKind.GreaterEqualsToken)),
        (t => t.Kind == SyntaxKind.GreaterToken, Token(SyntaxKind.GreaterToken)),
        (t => t.IsKeyword("in"), Keyword("in")));

    // What follows the left operand of a comparison: the operator and right operand, or 'is' and an outcome.
    private static readonly Parser<(SyntaxToken Operator, ExpressionSyntax? Right, SyntaxToken? Outcome)> ComparisonTail =
        Sequence.Of(ComparisonOperator, Operand, (op, right) => (op, (ExpressionSyntax?)right, (SyntaxToken?)null))
        .Or(Sequence.Of(Keyword("is"), Outcome, (isKeyword, outcome) => (isKeyword, (ExpressionSyntax?)null, (SyntaxToken?)outcome)));

    private static bool StartsComparisonTail(SyntaxToken t) =>
        t.Kind is SyntaxKind.EqualsEqualsToken or SyntaxKind.BangEqualsToken or SyntaxKind.LessEqualsToken or SyntaxKind.LessToken
            or SyntaxKind.GreaterEqualsToken or SyntaxKind.GreaterToken
        || t.IsKeyword("in") || t.IsKeyword("is");

    private static readonly Parser<ExpressionSyntax> Comparison =
        Sequence.Of(Operand, OptionalParser.When(StartsComparisonTail, ComparisonTail), (left, tail) =>
            !tail.IsDefined ? left
            : tail.Get().Right is { } right ? new BinaryExpressionSyntax(left, tail.Get().Operator, right)
            : new IsExpressionSyntax(left, tail.Get().Operator, tail.Get().Outcome!));

    // 'not not x' is folded from a list rather than by recursion, so long chains cannot overflow the stack.
    private static readonly Parser<ExpressionSyntax> Negation =
        Sequence.Of(Keyword("not").Many(), Comparison,
            (nots, operand) => nots.Reverse().Aggregate(operand, (inner, not) => new NotExpressionSyntax(not, inner)));

    private static Parser<ExpressionSyntax> LeftAssociative(Parser<ExpressionSyntax> operand, string keyword) =>
        Sequence.Fold(operand, Sequence.Of(Keyword(keyword), operand, (op, right) => (op, right)),
            (left, pair) => (ExpressionSyntax)new BinaryExpressionSyntax(left, pair.op, pair.right));

    private static readonly Parser<ExpressionSyntax> Conjunction = LeftAssociative(Negation, "and");

    public static readonly Parser<ExpressionSyntax> Expression = LeftAssociative(Conjunction, "or");

    private static readonly Parser<ExpressionSyntax> MissingExpression = input =>
    {
        var t = (TokenInput)input;
        return Result.Success<ExpressionSyntax>(
            new MissingExpressionSyntax(SyntaxToken.Missing(SyntaxKind.IdentifierToken, t.Token.Position, "a condition")), input);
    };

    public static readonly Parser<WhenClauseSyntax> When =
        Sequence.Of(Keyword("when"), Expression.Or(MissingExpression), (keyword, condition) => new WhenClauseSyntax(keyword, condition));

    private static readonly Parser<WhenClauseSyntax> ExpectWhen =
        When.Or(input =>
        {
            var t = (TokenInput)input;
            var keyword = SyntaxToken.Missing(SyntaxKind.IdentifierToken, t.Token.Position, "'when' and a condition");
            return Result.Success(new WhenClauseSyntax(keyword, new MissingExpressionSyntax(
                SyntaxToken.Missing(SyntaxKind.IdentifierToken, t.Token.Position, "a condition"))), input);
        });

    // ---- Headers of block declarations ---------------------------------------------------------

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Name)> FrameworkHeader =
        from keyword in Keyword("framework")
        from name in ExpectString("the framework's name in quotes")
        select (keyword, name);

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Name)> ScaleHeader =
        from keyword in Keyword("scale")
        from name in ExpectIdentifier("the scale's name")
        select (keyword, name);

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Name)> AnswersHeader =
        from keyword in Keyword("answers")
        from name in ExpectIdentifier("the answer set's name")
        select (keyword, name);

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Number, SyntaxToken Title)> DomainHeader =
        from keyword in Keyword("domain")
        from number in ExpectNumber("the domain's number")
        from title in ExpectString("the domain's title in quotes")
        select (keyword, number, title);

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Code, SyntaxToken Title, WhenClauseSyntax? When)> StandardHeader =
        Sequence.Of(Keyword("standard"), ExpectNumber("the standard's code, such as 2.4"), ExpectString("the standard's title in quotes"), OptionalParser.When(t => t.IsKeyword("when"), When),
            (keyword, code, title, when) => (keyword, code, title, (WhenClauseSyntax?)when.GetOrDefault()));

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Code, SyntaxToken Text, SyntaxToken Colon, SyntaxToken Set, WhenClauseSyntax? When)> KeyQuestionHeader =
        Sequence.Of(Keyword("key_question"), Expect(SyntaxKind.CodeToken, "the key question's code, such as 2.4.1"), ExpectString("the question in quotes"),
            Expect(SyntaxKind.ColonToken, "':' and an answer set"), ExpectIdentifier("an answer set"), OptionalParser.When(t => t.IsKeyword("when"), When),
            (keyword, code, text, colon, set, when) => (keyword, code, text, colon, set, (WhenClauseSyntax?)when.GetOrDefault()));

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Letter, SyntaxToken Text, SyntaxToken Colon, SyntaxToken Set, WhenClauseSyntax? When)> PromptHeader =
        Sequence.Of(Keyword("prompt"), ExpectIdentifier("the prompt's letter"), ExpectString("the prompt in quotes"),
            Expect(SyntaxKind.ColonToken, "':' and an answer set"), ExpectIdentifier("an answer set"), OptionalParser.When(t => t.IsKeyword("when"), When),
            (keyword, letter, text, colon, set, when) => (keyword, letter, text, colon, set, (WhenClauseSyntax?)when.GetOrDefault()));

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Name, SyntaxToken Title, SyntaxToken By, SyntaxToken Case, SyntaxToken Dot, SyntaxToken Field)> BreakdownHeader =
        from keyword in Keyword("breakdown")
        from name in ExpectIdentifier("the breakdown's name")
        from title in ExpectString("the breakdown's title in quotes")
        from byKeyword in ExpectKeyword("by")
        from caseKeyword in ExpectKeyword("case")
        from dot in Expect(SyntaxKind.DotToken)
        from field in ExpectIdentifier("a case field")
        select (keyword, name, title, byKeyword, caseKeyword, dot, field);

    public static readonly Parser<(SyntaxToken Keyword, SyntaxToken Name)> TestHeader =
        from keyword in Keyword("test")
        from name in ExpectString("the test's name in quotes")
        select (keyword, name);

    // ---- One-line members ----------------------------------------------------------------------

    public static readonly Parser<DeclarationSyntax> Import =
        from keyword in Keyword("import")
        from path in ExpectString("the path of the file to import, in quotes")
        select (DeclarationSyntax)new ImportDeclarationSyntax(keyword, path);

    public static readonly Parser<DeclarationSyntax> Version =
        from keyword in Keyword("version")
        from value in ExpectString("the version in quotes")
        select (DeclarationSyntax)new VersionClauseSyntax(keyword, value);

    public static readonly Parser<DeclarationSyntax> ScaleClause =
        from keyword in Keyword("scale")
        from name in ExpectIdentifier("the name of a scale")
        select (DeclarationSyntax)new ScaleClauseSyntax(keyword, name);

    public static readonly Parser<DeclarationSyntax> OverallBand =
        from level in Identifier
        from fromKeyword in ExpectKeyword("from")
        from bound in ExpectNumber("the lowest total score of the band")
        select (DeclarationSyntax)new OverallBandSyntax(level, fromKeyword, bound);

    public static readonly Parser<DeclarationSyntax> ScaleLevel =
        from name in Identifier
        from label in ExpectString("the level's label in quotes")
        from scoreKeyword in ExpectKeyword("score")
        from score in ExpectNumber("the level's score")
        from fromKeyword in ExpectKeyword("from")
        from bound in ExpectNumber("the lowest percentage of the level")
        from percent in Expect(SyntaxKind.PercentToken)
        select (DeclarationSyntax)new ScaleLevelSyntax(name, label, scoreKeyword, score, fromKeyword, bound, percent);

    private static readonly Parser<EnumFieldTypeSyntax> EnumValues =
        from first in ExpectIdentifier("a value")
        from rest in (from pipe in Token(SyntaxKind.PipeToken)
                      from value in ExpectIdentifier("a value")
                      select new[] { pipe, value }).Many()
        select new EnumFieldTypeSyntax(Flatten(first, rest));

    private static readonly Parser<FieldTypeSyntax> FieldType =
        Keyword("number").Select(k => (FieldTypeSyntax)new NumberFieldTypeSyntax(k))
            .Or(Keyword("boolean").Select(k => (FieldTypeSyntax)new BooleanFieldTypeSyntax(k)))
            .Or(from set in Keyword("set")
                from of in Keyword("of")
                from values in EnumValues
                select (FieldTypeSyntax)new SetFieldTypeSyntax(set, of, values))
            .Or(EnumValues.Select(v => (FieldTypeSyntax)v));

    public static readonly Parser<DeclarationSyntax> CaseField =
        from name in Identifier
        from label in ExpectString("the field's label in quotes")
        from colon in Expect(SyntaxKind.ColonToken, "':' and the field's type")
        from type in FieldType
        select (DeclarationSyntax)new CaseFieldSyntax(name, label, colon, type);

    public static readonly Parser<DeclarationSyntax> AnswerOption =
        Sequence.Of(Identifier, ExpectString("the option's label in quotes"), Keywords("positive", "negative", "not_applicable").Optional(),
            (name, label, outcome) => (DeclarationSyntax)new AnswerOptionSyntax(name, label, outcome.GetOrDefault()));

    public static readonly Parser<DeclarationSyntax> Summary =
        Sequence.Of(Keyword("summary"), ExpectEither(SyntaxKind.StringToken, SyntaxKind.MultiLineStringToken, "the summary in quotes"),
            (keyword, text) => (DeclarationSyntax)new SummaryClauseSyntax(keyword, text));

    public static readonly Parser<DeclarationSyntax> Guidance =
        Sequence.Of(Keyword("guidance"), ExpectEither(SyntaxKind.MultiLineStringToken, SyntaxKind.StringToken, "the guidance in quotes"),
            (keyword, text) => (DeclarationSyntax)new GuidanceClauseSyntax(keyword, text));

    public static readonly Parser<DeclarationSyntax> RatingRule =
        (from rated in Keyword("rated")
         from byKeyword in ExpectKeyword("by")
         from rest in (from lowest in Keyword("lowest")
                       from kq in ExpectKeyword("key_question")
                       select (RatingMethod.LowestKeyQuestion, new[] { lowest, kq }))
             .Or(Keyword("inspector").Select(i => (RatingMethod.Inspector, new[] { i })))
         select (DeclarationSyntax)new RatingRuleSyntax(rest.Item1, [rated, byKeyword, .. rest.Item2]))
        .Or(from notKeyword in Keyword("not")
            from rated in ExpectKeyword("rated")
            select (DeclarationSyntax)new RatingRuleSyntax(RatingMethod.NotRated, [notKeyword, rated]));

    public static readonly Parser<DeclarationSyntax> Check =
        Sequence.Of(Keywords("check", "signal"), ExpectString("the message in quotes"), ExpectWhen,
            (keyword, message, when) => (DeclarationSyntax)new CheckDeclarationSyntax(
                keyword.Text == "signal" ? SyntaxKind.SignalDeclaration : SyntaxKind.CheckDeclaration, keyword, message, when));

    private static readonly Parser<GroupSpecSyntax> GroupSpec =
        (from fromKeyword in Keyword("from")
         from low in ExpectNumber()
         select (GroupSpecSyntax)new FromGroupSpecSyntax(fromKeyword, low))
        .Or(from low in Token(SyntaxKind.NumberToken)
            from toKeyword in ExpectKeyword("to")
            from high in ExpectNumber()
            select (GroupSpecSyntax)new RangeGroupSpecSyntax(low, toKeyword, high))
        .Or(Keywords("true", "false").Select(v => (GroupSpecSyntax)new BooleanGroupSpecSyntax(v)))
        .Or(from first in Expect(SyntaxKind.IdentifierToken, "options, a range such as 18 to 25, 'from 56', true or false")
            from rest in (from comma in Token(SyntaxKind.CommaToken)
                          from item in ExpectIdentifier("an option")
                          select new[] { comma, item }).Many()
            select (GroupSpecSyntax)new OptionListGroupSpecSyntax(Flatten(first, rest)));

    public static readonly Parser<DeclarationSyntax> BreakdownGroup =
        from label in Token(SyntaxKind.StringToken)
        from colon in Expect(SyntaxKind.ColonToken)
        from spec in GroupSpec
        select (DeclarationSyntax)new BreakdownGroupSyntax(label, colon, spec);

    private static readonly Parser<ExpressionSyntax> TestValue =
        SetLiteral
            .Or(Keywords("true", "false").Select(t => (ExpressionSyntax)new BooleanLiteralExpressionSyntax(t)))
            .Or(Token(SyntaxKind.NumberToken).Select(t => (ExpressionSyntax)new NumberLiteralExpressionSyntax(t)))
            .Or(Token(SyntaxKind.StringToken).Select(t => (ExpressionSyntax)new StringLiteralExpressionSyntax(t)))
            .Or(Identifier.Select(t => (ExpressionSyntax)new NameExpressionSyntax(t)))
            .Or(input =>
            {
                var t = (TokenInput)input;
                return Result.Success<ExpressionSyntax>(new MissingExpressionSyntax(
                    SyntaxToken.Missing(SyntaxKind.IdentifierToken, t.Token.Position, "a value")), input);
            });

    public static readonly Parser<DeclarationSyntax> TestCaseEntry =
        Sequence.Of(Identifier, Expect(SyntaxKind.ColonToken), TestValue, Token(SyntaxKind.CommaToken).Optional(),
            (field, colon, value, comma) => (DeclarationSyntax)new TestCaseEntrySyntax(field, colon, value, comma.GetOrDefault()));

    public static readonly Parser<DeclarationSyntax> TestAnswerEntry =
        Sequence.Of(Token(SyntaxKind.CodeToken).Or(Token(SyntaxKind.StringToken)), Expect(SyntaxKind.ColonToken),
            ExpectEither(SyntaxKind.IdentifierToken, SyntaxKind.StringToken, "an option"), Token(SyntaxKind.CommaToken).Optional(),
            (code, colon, option, comma) => (DeclarationSyntax)new TestAnswerEntrySyntax(code, colon, option, comma.GetOrDefault()));

    public static readonly Parser<DeclarationSyntax> Expectation =
        from keyword in Keyword("expect")
        from rest in
            Keyword("valid").Select(w => (ExpectationKind.Valid, (SyntaxToken?)null, ImmutableArray.Create(w)))
            .Or(Keyword("invalid").Select(w => (ExpectationKind.Invalid, (SyntaxToken?)null, ImmutableArray.Create(w))))
            .Or(from signal in Keyword("signal")
                from message in ExpectString("the signal's message in quotes")
                select (ExpectationKind.Signal, (SyntaxToken?)null, ImmutableArray.Create(signal, message)))
            .Or(from code in Token(SyntaxKind.CodeToken)
                from words in
                    Keyword("applicable").Select(w => (ExpectationKind.Applicable, ImmutableArray.Create(w)))
                    .Or(from notKeyword in Keyword("not")
                        from applicable in ExpectKeyword("applicable")
                        select (ExpectationKind.NotApplicable, ImmutableArray.Create(notKeyword, applicable)))
                    .Or(Keyword("positive").Select(w => (ExpectationKind.Positive, ImmutableArray.Create(w))))
                    .Or(Keyword("negative").Select(w => (ExpectationKind.Negative, ImmutableArray.Create(w))))
                    .Or(from equalsToken in Token(SyntaxKind.EqualsEqualsToken)
                        from option in ExpectIdentifier("an option")
                        select (ExpectationKind.AnsweredWith, ImmutableArray.Create(equalsToken, option)))
                select (words.Item1, (SyntaxToken?)code, words.Item2))
        select (DeclarationSyntax)new ExpectationSyntax(keyword, rest.Item1, rest.Item2, rest.Item3);
}
