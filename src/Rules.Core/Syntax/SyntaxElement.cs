using System.Text;
using Rules.Core.Text;

namespace Rules.Core.Syntax;

/// <summary>A node or a token of the syntax tree.</summary>
public abstract class SyntaxElement
{
    public abstract SyntaxKind Kind { get; }

    /// <summary>The node that holds this element; set once when the parent is built.</summary>
    public SyntaxNode? Parent { get; internal set; }

    /// <summary>The element's text without leading and trailing trivia.</summary>
    public abstract TextSpan Span { get; }

    /// <summary>The element's text with its trivia.</summary>
    public abstract TextSpan FullSpan { get; }

    public abstract void WriteTo(StringBuilder builder);

    public IEnumerable<SyntaxNode> Ancestors()
    {
        for (var node = Parent; node is not null; node = node.Parent) yield return node;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        WriteTo(builder);
        return builder.ToString();
    }
}
