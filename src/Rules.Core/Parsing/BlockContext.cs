namespace Rules.Core.Parsing;

/// <summary>Where the parser is: which members a block may hold.</summary>
internal enum BlockContext
{
    TopLevel,
    Framework,
    Overall,
    Scale,
    Case,
    Answers,
    Domain,
    Standard,
    KeyQuestion,
    Prompt,
    Breakdown,
    Test,
    TestCase,
    TestAnswers,
}
