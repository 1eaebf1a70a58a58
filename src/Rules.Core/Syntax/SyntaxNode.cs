using System.Collections.Immutable;
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
    private TextSpan? _fullSpan;

    protected SyntaxNode(SyntaxKind kind, IEnumerable<SyntaxElement?> children)
    {
        Kind = kind;
        var builder = ImmutableArray.CreateBuilder<SyntaxElement>();
        foreach (var child in children)
        {
            if (child is null) continue;
            child.Parent = this;
            builder.Add(child);
        }
        _children = builder.ToImmutable();
    }

    public override SyntaxKind Kind { get; }

    public ImmutableArray<SyntaxElement> Children => _children;

    public override TextSpan FullSpan => _fullSpan ??= ComputeFullSpan();

    public override TextSpan Span
    {
        get
        {
            SyntaxToken? first = null, last = null;
            foreach (var token in Tokens())
            {
                if (token.IsMissing && token.Text.Length == 0 && first is not null) continue;
                first ??= token;
                last = token;
            }
            if (first is null || last is null) return new TextSpan(FullSpan.Start, 0);
            return TextSpan.FromBounds(first.Position, Math.Max(first.Position, last.Span.End));
        }
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

    public SyntaxToken? FirstToken() => Tokens().FirstOrDefault();

    public SyntaxToken? LastToken() => Tokens().LastOrDefault();

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
