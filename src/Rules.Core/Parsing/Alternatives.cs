using Rules.Core.Syntax;
using Sprache;

namespace Rules.Core.Parsing;

/// <summary>
/// Sprache alternatives (<c>a.Or(b).Or(c)...</c>) tried by their first token. Each alternative
/// comes with a test of the tokens it can start with; the first alternative whose test passes is
/// run alone, and if it succeeds (consuming input) that is exactly what the Or chain would have
/// returned, since every earlier alternative fails on that token. Anything else (no alternative
/// fits, or the chosen one fails) runs the whole Or chain, so errors are reported just as before.
/// This spares the common case the failures of the alternatives that cannot match. An alternative
/// that must not run twice at one position (one holding Parse.Ref) is given a test that never passes.
/// </summary>
internal static class Alternatives
{
    public static Parser<T> ByFirstToken<T>(params (Func<SyntaxToken, bool> Starts, Parser<T> Parser)[] alternatives)
    {
        var chain = alternatives[0].Parser;
        for (var i = 1; i < alternatives.Length; i++) chain = chain.Or(alternatives[i].Parser);
        var whole = chain;
        return input =>
        {
            var token = ((TokenInput)input).Token;
            foreach (var (starts, parser) in alternatives)
            {
                if (!starts(token)) continue;
                var result = parser(input);
                if (result.WasSuccessful && !result.Remainder.Equals(input)) return result;
                break;
            }
            return whole(input);
        };
    }
}

/// <summary>
/// <c>parser.Optional()</c> for a parser that can only start with certain tokens: on any other
/// token the answer is "absent" without running the parser (Sprache's Optional drops the failure
/// anyway), which saves the failures of every alternative inside it.
/// </summary>
internal static class OptionalParser
{
    public static Parser<IOption<T>> When<T>(Func<SyntaxToken, bool> starts, Parser<T> parser)
    {
        var optional = parser.Optional();
        var absent = new Absent<T>();
        return input => starts(((TokenInput)input).Token) ? optional(input) : Result.Success<IOption<T>>(absent, input);
    }

    private sealed class Absent<T> : IOption<T>
    {
        public bool IsEmpty => true;
        public bool IsDefined => false;
        public T GetOrDefault() => default!;
        public T Get() => throw new InvalidOperationException("No value.");
    }
}
