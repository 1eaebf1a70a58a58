using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using Rules.Core.Text;

namespace Rules.Core.Syntax;

/// <summary>
/// An immutable node of the full-fidelity syntax tree. Children are kept in source order, so
/// writing the tokens of the root gives back the source text exactly.
/// </summary>
public abstract class SyntaxNode : SyntaxElement
{
    private readonly ImmutableArray<SyntaxElement> _children;

    // Span, once worked out: start in the low and length in the high 32 bits, -1 until then. One 64-bit
    // field (read and written whole, so threads cannot see half of it) rather than a TextSpan? per span:
    // a file has a node for every few tokens, and every node is kept as long as its tree.
    private long _span = -1;

    protected SyntaxNode(SyntaxKind kind, IEnumerable<SyntaxElement?> children)
    {
        Kind = kind;
        _children = Adopt(children);
        Start = StartOf(_children);
    }

    /// <summary>
    /// The same from a fixed list of parts (<c>[keyword, name, body]</c>): the compiler passes such a list
    /// on the stack, so the node's child array is the only allocation.
    /// </summary>
    protected SyntaxNode(SyntaxKind kind, params ReadOnlySpan<SyntaxElement?> children)
    {
        Kind = kind;
        _children = Adopt(children);
        Start = StartOf(_children);
    }

    // Where the node's first token is (-1 when it has none): known from the children at no cost,
    // and a cheap hash for tables keyed by node (see SyntaxNodeComparer).
    private static int StartOf(ImmutableArray<SyntaxElement> children) =>
        children.IsEmpty ? -1 : children[0] is SyntaxToken first ? first.Position : ((SyntaxNode)children[0]).Start;

    /// <summary>The position of the node's first token, or -1 for a node without tokens.</summary>
    internal int Start { get; }

    private ImmutableArray<SyntaxElement> Adopt(ReadOnlySpan<SyntaxElement?> children)
    {
        var count = 0;
        foreach (var child in children) if (child is not null) count++;
        if (count == 0) return ImmutableArray<SyntaxElement>.Empty;
        var array = new SyntaxElement[count];
        var n = 0;
        foreach (var child in children)
        {
            if (child is null) continue;
            child.Parent = this;
            array[n++] = child;
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(array);
    }

    private ImmutableArray<SyntaxElement> Adopt(IEnumerable<SyntaxElement?> children)
    {
        if (children is IReadOnlyList<SyntaxElement?> list)
        {
            // The usual case (a fixed list of parts): one exact-size array, no enumerator.
            var count = 0;
            for (var i = 0; i < list.Count; i++) if (list[i] is not null) count++;
            var array = new SyntaxElement[count];
            var n = 0;
            for (var i = 0; i < list.Count; i++)
            {
                var child = list[i];
                if (child is null) continue;
                child.Parent = this;
                array[n++] = child;
            }
            return ImmutableCollectionsMarshal.AsImmutableArray(array);
        }
        var builder = ImmutableArray.CreateBuilder<SyntaxElement>();
        foreach (var child in children)
        {
            if (child is null) continue;
            child.Parent = this;
            builder.Add(child);
        }
        return builder.ToImmutable();
    }

    public override SyntaxKind Kind { get; }

    public ImmutableArray<SyntaxElement> Children => _children;

    /// <summary>From the first token's leading trivia to the last token's trailing trivia (found by walking down the first and last children).</summary>
    public override TextSpan FullSpan => ComputeFullSpan();

    /// <summary>
    /// From the first token to the last one that is not an empty missing token (inserted by
    /// recovery). Worked out once, by walking down the first and last children rather than over
    /// every token of the node.
    /// </summary>
    public override TextSpan Span
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
        var first = FirstToken();
        var last = DescendToLastToken();
        if (first is null || last is null || (last.IsMissing && last.Text.Length == 0 && !ReferenceEquals(first, last)))
        {
            // Off the usual path (empty nodes, a missing token at the end): every token in turn.
            first = last = null;
            foreach (var token in Tokens())
            {
                if (token.IsMissing && token.Text.Length == 0 && first is not null) continue;
                first ??= token;
                last = token;
            }
            if (first is null || last is null) return new TextSpan(FullSpan.Start, 0);
        }
        return TextSpan.FromBounds(first.Position, Math.Max(first.Position, last.Span.End));
    }

    /// <summary>The first token down the first children (iteratively: expression chains can be deep).</summary>
    private SyntaxToken? DescendToFirstToken()
    {
        SyntaxNode node = this;
        while (node._children.Length > 0)
        {
            var child = node._children[0];
            if (child is SyntaxToken token) return token;
            node = (SyntaxNode)child;
        }
        return null;
    }

    /// <summary>The last token down the last children, or null at an empty node.</summary>
    private SyntaxToken? DescendToLastToken()
    {
        SyntaxNode node = this;
        while (node._children.Length > 0)
        {
            var child = node._children[^1];
            if (child is SyntaxToken token) return token;
            node = (SyntaxNode)child;
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
            if (element is SyntaxToken token)
            {
                yield return token;
                continue;
            }
            var node = (SyntaxNode)element;
            for (var i = node._children.Length - 1; i >= 0; i--) stack.Push(node._children[i]);
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
            for (var i = node._children.Length - 1; i >= 0; i--)
                if (node._children[i] is SyntaxNode child) stack.Push(child);
        }
    }

    public SyntaxToken? FirstToken() => DescendToFirstToken() ?? Tokens().FirstOrDefault();

    public SyntaxToken? LastToken() => DescendToLastToken() ?? Tokens().LastOrDefault();

    /// <summary>The token whose full span holds the position (the end of the file belongs to EOF).</summary>
    public SyntaxToken? FindToken(int position)
    {
        SyntaxNode node = this;
        while (true)
        {
            SyntaxElement? next = null;
            foreach (var child in node._children)
            {
                var span = child.FullSpan;
                if (position >= span.Start && position < span.End) { next = child; break; }
            }
            if (next is null) return node == this ? LastToken() : node.Tokens().LastOrDefault();
            if (next is SyntaxToken token) return token;
            node = (SyntaxNode)next;
        }
    }

    public override void WriteTo(StringBuilder builder)
    {
        foreach (var token in Tokens()) token.WriteTo(builder);
    }

    private TextSpan ComputeFullSpan()
    {
        var first = FirstToken();
        var last = LastToken();
        if (first is null || last is null) return default;
        return TextSpan.FromBounds(first.FullSpan.Start, last.FullSpan.End);
    }
}
