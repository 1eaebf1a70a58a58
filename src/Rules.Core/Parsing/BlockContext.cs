namespace Rules.Core.Parsing;

/// <summary>
/// Which members a block may hold. The parser follows it while parsing; the language server works it out from the
/// tokens before the cursor (the tree may be incomplete while typing) to offer the keywords that may come next.
/// </summary>
public enum BlockContext
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
