using Rules.Core.Syntax;
using Sprache;

namespace Rules.Core.Parsing;

/// <summary>
/// Sprache parsers run one after another, the result built from all of them. The same as
/// <c>from a in A from b in B select f(a, b)</c>, which Sprache runs through SelectMany and so
/// allocates a new parser and closure for every step of every parse; here each sequence is one
/// delegate built with the grammar. A failure is reported exactly as SelectMany reports it (the
/// failing step's remainder, message and expectations).
/// </summary>
internal static class Sequence
{
    public static Parser<R> Of<A, B, R>(Parser<A> a, Parser<B> b, Func<A, B, R> select) => input =>
    {
        var ra = a(input);
        if (!ra.WasSuccessful) return Fail<A, R>(ra);
        var rb = b(ra.Remainder);
        if (!rb.WasSuccessful) return Fail<B, R>(rb);
        return Result.Success(select(ra.Value, rb.Value), rb.Remainder);
    };

    public static Parser<R> Of<A, B, C, R>(Parser<A> a, Parser<B> b, Parser<C> c, Func<A, B, C, R> select) => input =>
    {
        var ra = a(input);
        if (!ra.WasSuccessful) return Fail<A, R>(ra);
        var rb = b(ra.Remainder);
        if (!rb.WasSuccessful) return Fail<B, R>(rb);
        var rc = c(rb.Remainder);
        if (!rc.WasSuccessful) return Fail<C, R>(rc);
        return Result.Success(select(ra.Value, rb.Value, rc.Value), rc.Remainder);
    };

    public static Parser<R> Of<A, B, C, D, R>(Parser<A> a, Parser<B> b, Parser<C> c, Parser<D> d, Func<A, B, C, D, R> select) => input =>
    {
        var ra = a(input);
        if (!ra.WasSuccessful) return Fail<A, R>(ra);
        var rb = b(ra.Remainder);
        if (!rb.WasSuccessful) return Fail<B, R>(rb);
        var rc = c(rb.Remainder);
        if (!rc.WasSuccessful) return Fail<C, R>(rc);
        var rd = d(rc.Remainder);
        if (!rd.WasSuccessful) return Fail<D, R>(rd);
        return Result.Success(select(ra.Value, rb.Value, rc.Value, rd.Value), rd.Remainder);
    };

    public static Parser<R> Of<A, B, C, D, E, R>(
        Parser<A> a, Parser<B> b, Parser<C> c, Parser<D> d, Parser<E> e, Func<A, B, C, D, E, R> select) => input =>
    {
        var ra = a(input);
        if (!ra.WasSuccessful) return Fail<A, R>(ra);
        var rb = b(ra.Remainder);
        if (!rb.WasSuccessful) return Fail<B, R>(rb);
        var rc = c(rb.Remainder);
        if (!rc.WasSuccessful) return Fail<C, R>(rc);
        var rd = d(rc.Remainder);
        if (!rd.WasSuccessful) return Fail<D, R>(rd);
        var re = e(rd.Remainder);
        if (!re.WasSuccessful) return Fail<E, R>(re);
        return Result.Success(select(ra.Value, rb.Value, rc.Value, rd.Value, re.Value), re.Remainder);
    };

    public static Parser<R> Of<A, B, C, D, E, F, G, R>(
        Parser<A> a, Parser<B> b, Parser<C> c, Parser<D> d, Parser<E> e, Parser<F> f, Parser<G> g, Func<A, B, C, D, E, F, G, R> select) => input =>
    {
        var ra = a(input);
        if (!ra.WasSuccessful) return Fail<A, R>(ra);
        var rb = b(ra.Remainder);
        if (!rb.WasSuccessful) return Fail<B, R>(rb);
        var rc = c(rb.Remainder);
        if (!rc.WasSuccessful) return Fail<C, R>(rc);
        var rd = d(rc.Remainder);
        if (!rd.WasSuccessful) return Fail<D, R>(rd);
        var re = e(rd.Remainder);
        if (!re.WasSuccessful) return Fail<E, R>(re);
        var rf = f(re.Remainder);
        if (!rf.WasSuccessful) return Fail<F, R>(rf);
        var rg = g(rf.Remainder);
        if (!rg.WasSuccessful) return Fail<G, R>(rg);
        return Result.Success(select(ra.Value, rb.Value, rc.Value, rd.Value, re.Value, rf.Value, rg.Value), rg.Remainder);
    };

    public static Parser<R> Of<A, B, C, D, E, F, R>(
        Parser<A> a, Parser<B> b, Parser<C> c, Parser<D> d, Parser<E> e, Parser<F> f, Func<A, B, C, D, E, F, R> select) => input =>
    {
        var ra = a(input);
        if (!ra.WasSuccessful) return Fail<A, R>(ra);
        var rb = b(ra.Remainder);
        if (!rb.WasSuccessful) return Fail<B, R>(rb);
        var rc = c(rb.Remainder);
        if (!rc.WasSuccessful) return Fail<C, R>(rc);
        var rd = d(rc.Remainder);
        if (!rd.WasSuccessful) return Fail<D, R>(rd);
        var re = e(rd.Remainder);
        if (!re.WasSuccessful) return Fail<E, R>(re);
        var rf = f(re.Remainder);
        if (!rf.WasSuccessful) return Fail<F, R>(rf);
        return Result.Success(select(ra.Value, rb.Value, rc.Value, rd.Value, re.Value, rf.Value), rf.Remainder);
    };

    /// <summary>
    /// <c>parser.Select(convert)</c> without Sprache's cost: its Select is Then(t => Return(convert(t))),
    /// which makes a new parser for every success. Fails exactly as Select fails.
    /// </summary>
    public static Parser<R> Map<T, R>(this Parser<T> parser, Func<T, R> convert) => input =>
    {
        var result = parser(input);
        return result.WasSuccessful ? Result.Success(convert(result.Value), result.Remainder) : Fail<T, R>(result);
    };

    /// <summary>
    /// <c>first</c>, then <c>item</c> as many times as it matches, folded into the first (Sprache's
    /// Many would build a list of pairs to fold afterwards).
    /// </summary>
    /// <remarks>
    /// <paramref name="startsItem"/> tells from the next token whether an item can start there; on any
    /// other token the item is not tried (its failure would be dropped anyway). When no item follows,
    /// the first result is the result.
    /// </remarks>
    public static Parser<T> Fold<T, S>(Parser<T> first, Parser<S> item, Func<T, S, T> fold, Func<SyntaxToken, bool> startsItem) => input =>
    {
        var r = first(input);
        if (!r.WasSuccessful) return r;
        var value = r.Value;
        var remainder = r.Remainder;
        var folded = false;
        while (startsItem(((TokenInput)remainder).Token))
        {
            var next = item(remainder);
            if (!next.WasSuccessful || next.Remainder.Equals(remainder)) break;
            value = fold(value, next.Value);
            remainder = next.Remainder;
            folded = true;
        }
        return folded ? Result.Success(value, remainder) : r;
    };

    private static IResult<R> Fail<T, R>(IResult<T> failure) => Result.Failure<R>(failure.Remainder, failure.Message, failure.Expectations);
}
