namespace Rules.Core.Syntax;

public enum SyntaxKind
{
    None,

    // Trivia
    WhitespaceTrivia,
    EndOfLineTrivia,
    LineCommentTrivia,
    BlockCommentTrivia,

    // Tokens
    EndOfFileToken,
    BadToken,
    IdentifierToken,
    NumberToken,
    /// <summary>A dotted code with at least three numeric parts: 2.4.1, 2.4.1.d, 2.4.1.*</summary>
    CodeToken,
    StringToken,
    MultiLineStringToken,
    OpenBraceToken,
    CloseBraceToken,
    OpenParenToken,
    CloseParenToken,
    ColonToken,
    CommaToken,
    DotToken,
    PipeToken,
    PercentToken,
    EqualsEqualsToken,
    BangEqualsToken,
    LessToken,
    LessEqualsToken,
    GreaterToken,
    GreaterEqualsToken,

    // Nodes
    CompilationUnit,
    SkippedTokens,
    ImportDeclaration,
    FrameworkDeclaration,
    VersionClause,
    ScaleClause,
    OverallBlock,
    OverallBand,
    ScaleDeclaration,
    ScaleLevel,
    CaseDeclaration,
    CaseField,
    NumberFieldType,
    BooleanFieldType,
    EnumFieldType,
    SetFieldType,
    AnswerSetDeclaration,
    AnswerOption,
    DomainDeclaration,
    StandardDeclaration,
    SummaryClause,
    GuidanceClause,
    RatingRule,
    KeyQuestionDeclaration,
    PromptDeclaration,
    WhenClause,
    CheckDeclaration,
    SignalDeclaration,
    BreakdownDeclaration,
    BreakdownGroup,
    OptionListGroupSpec,
    RangeGroupSpec,
    FromGroupSpec,
    BooleanGroupSpec,
    TestDeclaration,
    TestCaseBlock,
    TestCaseEntry,
    TestAnswersBlock,
    TestAnswerEntry,
    Expectation,
    Block,

    // Expressions
    BinaryExpression,
    NotExpression,
    IsExpression,
    ParenthesizedExpression,
    ReferenceExpression,
    CaseFieldExpression,
    NameExpression,
    NumberLiteralExpression,
    StringLiteralExpression,
    BooleanLiteralExpression,
    SetExpression,
    AggregateExpression,
    MissingExpression,
}

public static class SyntaxKindFacts
{
    public static bool IsTrivia(this SyntaxKind kind) =>
        kind is SyntaxKind.WhitespaceTrivia or SyntaxKind.EndOfLineTrivia
            or SyntaxKind.LineCommentTrivia or SyntaxKind.BlockCommentTrivia;

    public static bool IsComment(this SyntaxKind kind) =>
        kind is SyntaxKind.LineCommentTrivia or SyntaxKind.BlockCommentTrivia;

    /// <summary>How a token kind is named in messages for authors ("expected ':'").</summary>
    public static string Describe(this SyntaxKind kind) => kind switch
    {
        SyntaxKind.EndOfFileToken => "end of file",
        SyntaxKind.IdentifierToken => "a name",
        SyntaxKind.NumberToken => "a number",
        SyntaxKind.CodeToken => "a code such as 2.4.1",
        SyntaxKind.StringToken => "text in quotes",
        SyntaxKind.MultiLineStringToken => "text in triple quotes",
        SyntaxKind.OpenBraceToken => "'{'",
        SyntaxKind.CloseBraceToken => "'}'",
        SyntaxKind.OpenParenToken => "'('",
        SyntaxKind.CloseParenToken => "')'",
        SyntaxKind.ColonToken => "':'",
        SyntaxKind.CommaToken => "','",
        SyntaxKind.DotToken => "'.'",
        SyntaxKind.PipeToken => "'|'",
        SyntaxKind.PercentToken => "'%'",
        SyntaxKind.EqualsEqualsToken => "'=='",
        SyntaxKind.BangEqualsToken => "'!='",
        SyntaxKind.LessToken => "'<'",
        SyntaxKind.LessEqualsToken => "'<='",
        SyntaxKind.GreaterToken => "'>'",
        SyntaxKind.GreaterEqualsToken => "'>='",
        _ => kind.ToString(),
    };
}
