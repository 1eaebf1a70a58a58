using Rules.Core.Parsing;

namespace Rules.LanguageServer.Compilation;

/// <summary>Where the cursor is: in a block (the parser's <see cref="BlockContext"/>), or in braces that hold a set
/// of values (<c>x in { a, b }</c>, a set literal in a condition or in a test's case values).</summary>
public readonly record struct CursorBlock(BlockContext Block, bool InSet = false)
{
    public static CursorBlock TopLevel => new(BlockContext.TopLevel);
}
