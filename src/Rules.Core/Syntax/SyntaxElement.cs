using System.Text;
using Rules.Core.Text;

namespace Rules.Core.Syntax;

/// <summary>A node or a token of the syntax tree (Roslyn's SyntaxNodeOrToken). <c>default</c> is neither.</summary>
public readonly struct SyntaxElement : IEquatable<SyntaxElement>
{
    // A node, or the token's table (with the token's index).
    private readonly object? _ref;
    private readonly int _index;

    private SyntaxElement(object? reference, int index)
    {
        _ref = reference;
        _index = index;
    }

    public static implicit operator SyntaxElement(SyntaxNode? node) => new(node, -1);

    public static implicit operator SyntaxElement(SyntaxToken token) => token.IsDefault ? default : new(token.Table, token.Index);

    public static implicit operator SyntaxElement(SyntaxToken? token) => token is { } t ? t : default;

    public bool IsNode => _ref is SyntaxNode;

    public bool IsToken => _ref is TokenTable;

    /// <summary>True for <c>default</c>: neither a node nor a token.</summary>
    public bool IsDefault => _ref is null;

    /// <summary>The node, or null for a token.</summary>
    public SyntaxNode? AsNode() => _ref as SyntaxNode;

    /// <summary>The token (check <see cref="IsToken"/> first), or <c>default</c> for a node.</summary>
    public SyntaxToken AsToken() => _ref is TokenTable table ? new SyntaxToken(table, _index) : default;

    /// <summary>The token, if this is one.</summary>
    public bool TryGetToken(out SyntaxToken token)
    {
        token = AsToken();
        return _ref is TokenTable;
    }

    public SyntaxKind Kind => _ref is SyntaxNode node ? node.Kind : AsToken().Kind;

    public SyntaxNode? Parent => _ref is SyntaxNode node ? node.Parent : AsToken().Parent;

    /// <summary>The element's text without leading and trailing trivia.</summary>
    public TextSpan Span => _ref is SyntaxNode node ? node.Span : AsToken().Span;

    /// <summary>The element's text with its trivia.</summary>
    public TextSpan FullSpan => _ref is SyntaxNode node ? node.FullSpan : AsToken().FullSpan;

    public void WriteTo(StringBuilder builder)
    {
        if (_ref is SyntaxNode node) node.WriteTo(builder);
        else if (_ref is TokenTable) AsToken().WriteTo(builder);
    }

    public bool Equals(SyntaxElement other) => ReferenceEquals(_ref, other._ref) && _index == other._index;

    public override bool Equals(object? obj) => obj is SyntaxElement other && Equals(other);

    public override int GetHashCode() => _ref is SyntaxNode node ? node.GetHashCode() : _index;

    public static bool operator ==(SyntaxElement left, SyntaxElement right) => left.Equals(right);

    public static bool operator !=(SyntaxElement left, SyntaxElement right) => !left.Equals(right);

    public override string ToString()
    {
        var builder = new StringBuilder();
        WriteTo(builder);
        return builder.ToString();
    }
}
