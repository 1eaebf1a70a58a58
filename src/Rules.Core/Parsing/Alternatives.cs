using Rules.Core.Syntax;
using Sprache;

namespace Rules.Core.Parsing;

/// <summary>
/// Alternatives (<c>a.OrElse(b).OrElse(c)...</c>, Sprache's Or) tried by their first token. Each alternative
/// comes with a test of the tokens it can start with; the first alternative whose test passes is
/// run, and if it succeeds consuming input that is what the Or chain would have returned, since
/// every earlier alternative fails on that token. If it fails, the next alternative that fits is
/// tried, and so on; the furthest failure is kept, as Or keeps it. Only when nothing got past the
/// first token does the whole Or chain run, so expectations are reported just as before.
/// This spares the common case the failures of the alternatives that cannot match.
/// </summary>
internal static class Alternatives
{
    private static bool Further<T>(IResult<T> a, IResult<T> b) =>
        ((TokenInput)a.Remainder).Index > ((TokenInput)b.Remainder).Index;

    public static Parser<T> ByFirstToken<T>(params (Func<SyntaxToken, bool> Starts, Parser<T> Parser)[] alternatives)
    {
        var chain = alternatives[0].Parser;
        for (var i = 1; i < alternatives.Length; i++) chain = chain.OrElse(alternatives[i].Parser);
        var whole = chain;
        return input =>
        {
            var token = ((TokenInput)input).Token;
            IResult<T>? best = null;
            foreach (var (starts, parser) in alternatives)
            {
                if (!starts(token)) continue;
                var result = parser(input);
                if (result.WasSuccessful && !result.Remainder.Equals(input)) return result;
                best = best is null || Further(result, best) ? result : best;
            }
            // Every alternative that could start here failed (or matched nothing): when one got past
            // the first token, its failure is the furthest, which is what Or reports. Re-running the
            // whole chain then would double the work at every level of nested parentheses.
            if (best is not null && (best.WasSuccessful || !best.Remainder.Equals(input))) return best;
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
