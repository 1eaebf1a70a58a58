using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using Rules.Core.Text;

namespace Rules.Core.Syntax;

/// <summary>
/// An immutable node of the full-fidelity syntax tree. Children are kept in source order, so
/// writing the tokens of the root gives back the source text exactly.
/// </summary>
public abstract class SyntaxNode
{
    // Span, once worked out: start in the low and length in the high 32 bits, -1 until then. One 64-bit
    // field (read and written whole, so threads cannot see half of it) rather than a TextSpan? per span:
    // a file has a node for every few tokens, and every node is kept as long as its tree.
    private long _span = -1;

    /// <summary>
    /// A node from its parts in order (<c>[keyword, name, body]</c>); absent optional parts (<c>default</c>) are left out.
    /// The compiler passes such a list on the stack, so the node is the only allocation.
    /// </summary>
    protected SyntaxNode(SyntaxKind kind, params ReadOnlySpan<SyntaxElement> children)
    {
        Kind = kind;
        Start = Adopt(children);
    }

    /// <summary>
    /// A node whose parts are a part, a list and a part (<c>{ members }</c>, a set, a list of words; absent ends are
    /// <c>default</c>): the list is adopted where it is, rather than copied with the ends into one list of parts, which
    /// would be an array made for every such node.
    /// </summary>
    protected SyntaxNode(SyntaxKind kind, ReadOnlySpan<SyntaxElement> before, ImmutableArray<SyntaxToken> list, SyntaxElement after)
    {
        Kind = kind;
        var start = Adopt(before);
        foreach (var token in list) start = FirstOf(start, Adopt([token]));
        Start = FirstOf(start, Adopt([after]));
    }

    /// <inheritdoc cref="SyntaxNode(SyntaxKind, ReadOnlySpan{SyntaxElement}, ImmutableArray{SyntaxToken}, SyntaxElement)"/>
    protected SyntaxNode(SyntaxKind kind, SyntaxElement before, ImmutableArray<SyntaxNode> list, SyntaxElement after)
    {
        Kind = kind;
        var start = Adopt([before]);
        foreach (var node in list) start = FirstOf(start, Adopt([node]));
        Start = FirstOf(start, Adopt([after]));
    }

    private static int FirstOf(int start, int next) => start >= 0 ? start : next;

    /// <summary>The node that holds this one; set once when the parent is built.</summary>
    public SyntaxNode? Parent { get; internal set; }

    /// <summary>The position of the node's first token, or -1 for a node without tokens: known from the parts at no
    /// cost, and a cheap hash for tables keyed by node (see SyntaxNodeComparer).</summary>
    internal int Start { get; }

    /// <summary>Becomes the parent of each node among the parts; returns where the first token is (see <see cref="Start"/>).</summary>
    private int Adopt(ReadOnlySpan<SyntaxElement> children)
    {
        var start = -1;
        foreach (var child in children)
        {
            if (child.IsDefault) continue;
            if (child.AsNode() is { } node)
            {
                node.Parent = this;
                if (start < 0) start = node.Start;
            }
            else if (start < 0) start = child.AsToken().Position; // a token's parent is found when asked for (see TokenTable)
        }
        return start;
    }

    public SyntaxKind Kind { get; }

    /// <summary>
    /// The node's parts in source order, absent optional parts left out. Made when asked for, from the node's typed
    /// parts: a node keeps no list of its children (a check keeps every node to the end, and such lists were a sixth
    /// of what it kept), so walks that run on every check use the typed parts instead.
    /// </summary>
    public abstract ImmutableArray<SyntaxElement> Children { get; }

    /// <summary>The first part (or with <paramref name="last"/> the last), or <c>default</c> for a node without parts:
    /// what <see cref="Children"/> would give first or last, without making the list (spans are found through it).</summary>
    private protected abstract SyntaxElement Edge(bool last);

    /// <summary>The first or last of the parts given that is there.</summary>
    private protected static SyntaxElement EdgeOf(bool last, params ReadOnlySpan<SyntaxElement> parts)
    {
        if (last)
        {
            for (var i = parts.Length - 1; i >= 0; i--) if (!parts[i].IsDefault) return parts[i];
        }
        else
        {
            foreach (var part in parts) if (!part.IsDefault) return part;
        }
        return default;
    }

    /// <summary><see cref="EdgeOf(bool, ReadOnlySpan{SyntaxElement})"/> of a part, a list and a part, without
    /// copying them into one list (spans are found through edges, on every check).</summary>
    private protected static SyntaxElement EdgeOf(bool last, ReadOnlySpan<SyntaxElement> before, ImmutableArray<SyntaxToken> list, SyntaxElement after)
    {
        if (last)
        {
            if (!after.IsDefault) return after;
            for (var i = list.Length - 1; i >= 0; i--) if (!list[i].IsDefault) return list[i];
            return EdgeOf(last, before);
        }
        var first = EdgeOf(last, before);
        if (!first.IsDefault) return first;
        foreach (var token in list) if (!token.IsDefault) return token;
        return after;
    }

    /// <inheritdoc cref="EdgeOf(bool, ReadOnlySpan{SyntaxElement}, ImmutableArray{SyntaxToken}, SyntaxElement)"/>
    private protected static SyntaxElement EdgeOf(bool last, SyntaxElement before, ImmutableArray<SyntaxNode> list, SyntaxElement after)
    {
        if (last)
        {
            if (!after.IsDefault) return after;
            return list.Length > 0 ? list[^1] : before;
        }
        if (!before.IsDefault) return before;
        return list.Length > 0 ? list[0] : after;
    }

    /// <summary>The parts given, absent ones (<c>default</c>) left out.</summary>
    protected static ImmutableArray<SyntaxElement> Parts(params ReadOnlySpan<SyntaxElement> parts)
    {
        var count = 0;
        foreach (var part in parts) if (!part.IsDefault) count++;
        if (count == parts.Length) return [.. parts];
        var array = new SyntaxElement[count];
        var n = 0;
        foreach (var part in parts) if (!part.IsDefault) array[n++] = part;
        return ImmutableCollectionsMarshal.AsImmutableArray(array);
    }

    /// <summary>From the first token's leading trivia to the last token's trailing trivia (found by walking down the first and last children).</summary>
    public TextSpan FullSpan => ComputeFullSpan();

    /// <summary>
    /// From the first token to the last one that is not an empty missing token (inserted by
    /// recovery). Worked out once, by walking down the first and last children rather than over
    /// every token of the node.
    /// </summary>
    public TextSpan Span
    {
        get
        {
            var cached = _span;
            if (cached >= 0) return new TextSpan((int)cached, (int)(cached >> 32));
            var span = ComputeSpan();
            _span = (uint)span.Start | ((long)span.Length << 32);
            return span;
        }
    }

    private TextSpan ComputeSpan()
    {
        var first = DescendToFirstToken();
        var last = DescendToLastToken();
        if (first is not { } f || last is not { } l || (l.IsMissing && l.Span.Length == 0 && f != l))
        {
            // Off the usual path (empty nodes, a missing token at the end): every token in turn.
            SyntaxToken? firstSeen = null, lastSeen = null;
            foreach (var token in Tokens())
            {
                if (token.IsMissing && token.Span.Length == 0 && firstSeen is not null) continue;
                firstSeen ??= token;
                lastSeen = token;
            }
            if (firstSeen is not { } a || lastSeen is not { } b) return new TextSpan(FullSpan.Start, 0);
            (f, l) = (a, b);
        }
        return TextSpan.FromBounds(f.Position, Math.Max(f.Position, l.Span.End));
    }

    /// <summary>The first token down the first children (iteratively: expression chains can be deep).</summary>
    private SyntaxToken? DescendToFirstToken()
    {
        SyntaxNode node = this;
        for (var child = Edge(last: false); !child.IsDefault; child = node.Edge(last: false))
        {
            if (child.AsNode() is not { } inner) return child.AsToken();
            node = inner;
        }
        return null;
    }

    /// <summary>The last token down the last children, or null at an empty node.</summary>
    private SyntaxToken? DescendToLastToken()
    {
        SyntaxNode node = this;
        for (var child = Edge(last: true); !child.IsDefault; child = node.Edge(last: true))
        {
            if (child.AsNode() is not { } inner) return child.AsToken();
            node = inner;
        }
        return null;
    }

    public IEnumerable<SyntaxToken> Tokens()
    {
        var stack = new Stack<SyntaxElement>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element.AsNode() is not { } node)
            {
                yield return element.AsToken();
                continue;
            }
            var children = node.Children;
            for (var i = children.Length - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    public IEnumerable<SyntaxNode> DescendantNodesAndSelf()
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            var children = node.Children;
            for (var i = children.Length - 1; i >= 0; i--)
                if (children[i].AsNode() is { } child) stack.Push(child);
        }
    }

    public IEnumerable<SyntaxNode> Ancestors()
    {
        for (var node = Parent; node is not null; node = node.Parent) yield return node;
    }

    public SyntaxToken? FirstToken()
    {
        if (DescendToFirstToken() is { } first) return first;
        foreach (var token in Tokens()) return token;
        return null;
    }

    public SyntaxToken? LastToken()
    {
        if (DescendToLastToken() is { } last) return last;
        SyntaxToken? found = null;
        foreach (var token in Tokens()) found = token;
        return found;
    }

    /// <summary>The token whose full span holds the position (the end of the file belongs to EOF).</summary>
    public SyntaxToken? FindToken(int position)
    {
        SyntaxNode node = this;
        while (true)
        {
            SyntaxElement next = default;
            foreach (var child in node.Children)
            {
                var span = child.FullSpan;
                if (position >= span.Start && position < span.End) { next = child; break; }
            }
            if (next.IsDefault) return node == this ? LastToken() : node.LastToken();
            if (next.AsNode() is not { } inner) return next.AsToken();
            node = inner;
        }
    }

    public void WriteTo(StringBuilder builder)
    {
        foreach (var token in Tokens()) token.WriteTo(builder);
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        WriteTo(builder);
        return builder.ToString();
    }

    private TextSpan ComputeFullSpan()
    {
        if (FirstToken() is not { } first || LastToken() is not { } last) return default;
        return TextSpan.FromBounds(first.FullSpan.Start, last.FullSpan.End);
    }
}
