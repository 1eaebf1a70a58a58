using System.Collections;
using Sprache;

namespace Rules.Core.Parsing;

/// <summary>
/// Sprache's <c>first.Or(second)</c>, with the same results and failures, at less cost per attempt. Sprache's Or makes
/// a closure on every call, and when both alternatives fail at the same place it merges their expectations in a new
/// lazy union, which nested alternatives chain further. On a clean file most alternatives are tried and fail, so
/// that was garbage on every declaration and every condition. Here two failures' expectations are merged only if
/// someone reads them (the parser reads those of the failure it reports; the rest are dropped unread).
/// </summary>
internal static class Choice
{
    public static Parser<T> OrElse<T>(this Parser<T> first, Parser<T> second) => input =>
    {
        var fr = first(input);
        if (fr.WasSuccessful && !fr.Remainder.Equals(input)) return fr;
        var sr = second(input);
        if (sr.WasSuccessful) return sr;
        // The first matched nothing but succeeded: it stands when the second fails (as in Or).
        if (fr.WasSuccessful) return fr;
        // The failure that got further, or at the same place both failures' expectations (Or's DetermineBestError).
        var (firstAt, secondAt) = (fr.Remainder.Position, sr.Remainder.Position);
        if (secondAt > firstAt) return sr;
        if (secondAt < firstAt) return fr;
        return Result.Failure<T>(fr.Remainder, fr.Message, new BothExpectations(fr.Expectations, sr.Expectations));
    };

    /// <summary>The expectations of two failures at the same place, in order and each once (as
    /// <see cref="Enumerable.Union{TSource}(IEnumerable{TSource}, IEnumerable{TSource})"/> gives them), worked out
    /// when read.</summary>
    private sealed class BothExpectations(IEnumerable<string> first, IEnumerable<string> second) : IEnumerable<string>
    {
        public IEnumerator<string> GetEnumerator() => first.Union(second).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
