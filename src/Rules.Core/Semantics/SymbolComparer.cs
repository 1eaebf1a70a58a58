namespace Rules.Core.Semantics;

/// <summary>
/// Symbols as keys, by identity, hashed by where they are declared rather than by the runtime's identity hash,
/// which the runtime assigns on an object's first use at a cost the lint rules felt (they key every item of a
/// framework). The same idea as <see cref="Syntax.SyntaxNodeComparer"/>.
/// </summary>
public sealed class SymbolComparer : IEqualityComparer<Symbol>
{
    public static SymbolComparer Instance { get; } = new();

    private SymbolComparer()
    {
    }

    public bool Equals(Symbol? x, Symbol? y) => ReferenceEquals(x, y);

    public int GetHashCode(Symbol symbol) => symbol.PlaceHash;
}
