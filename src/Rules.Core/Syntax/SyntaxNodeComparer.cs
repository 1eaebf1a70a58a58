namespace Rules.Core.Syntax;

/// <summary>
/// Nodes as keys, by identity, hashed by kind and position rather than by the runtime's identity hash,
/// which the runtime assigns on first use at a noticeable cost per object (the binder keys every
/// expression node of a framework).
/// </summary>
public sealed class SyntaxNodeComparer : IEqualityComparer<SyntaxNode>
{
    public static SyntaxNodeComparer Instance { get; } = new();

    private SyntaxNodeComparer()
    {
    }

    public bool Equals(SyntaxNode? x, SyntaxNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(SyntaxNode node) => (node.Start * 397) ^ (int)node.Kind;
}
