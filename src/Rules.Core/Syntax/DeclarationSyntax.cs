using System.Collections.Immutable;

namespace Rules.Core.Syntax;

/// <summary>A top-level declaration or a member of a block (option, field, prompt, ...).</summary>
public abstract class DeclarationSyntax : SyntaxNode
{
    protected DeclarationSyntax(SyntaxKind kind, params ReadOnlySpan<SyntaxElement> children) : base(kind, children) { }

    protected DeclarationSyntax(SyntaxKind kind, ReadOnlySpan<SyntaxElement> before, ImmutableArray<SyntaxToken> list, SyntaxElement after)
        : base(kind, before, list, after) { }

    /// <summary>The block of members that ends the declaration, if it has one (<c>{ ... }</c>).</summary>
    internal virtual BlockSyntax? OwnBlock => null;

    /// <summary>The leading keyword or name token that starts the declaration.</summary>
    public SyntaxToken StartToken => FirstToken()!.Value;
}

/// <summary>Tokens the parser could not fit into the grammar, kept so the tree stays full-fidelity.</summary>
public sealed class SkippedTokensSyntax(ImmutableArray<SyntaxToken> tokens)
    : DeclarationSyntax(SyntaxKind.SkippedTokens, [], tokens, default)
{
    public ImmutableArray<SyntaxToken> SkippedTokens { get; } = tokens;

    public override ImmutableArray<SyntaxElement> Children => Parts([.. SkippedTokens]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, [], SkippedTokens, default);
}

/// <summary><c>{ members }</c>, the body of every block declaration.</summary>
public sealed class BlockSyntax(SyntaxToken openBrace, ImmutableArray<DeclarationSyntax> members, SyntaxToken closeBrace)
    : SyntaxNode(SyntaxKind.Block, openBrace, ImmutableArray<SyntaxNode>.CastUp(members), closeBrace)
{
    public SyntaxToken OpenBrace { get; } = openBrace;
    public ImmutableArray<DeclarationSyntax> Members { get; } = members;
    public SyntaxToken CloseBrace { get; } = closeBrace;

    public override ImmutableArray<SyntaxElement> Children => Parts([OpenBrace, .. Members, CloseBrace]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, OpenBrace, ImmutableArray<SyntaxNode>.CastUp(Members), CloseBrace);
}

/// <summary>The root: a whole file.</summary>
public sealed class CompilationUnitSyntax : SyntaxNode
{
    public CompilationUnitSyntax(ImmutableArray<DeclarationSyntax> declarations, SyntaxToken endOfFile)
        : base(SyntaxKind.CompilationUnit, default, ImmutableArray<SyntaxNode>.CastUp(declarations), endOfFile)
    {
        Declarations = declarations;
        EndOfFile = endOfFile;
        endOfFile.Table.SetRoot(this); // the file's tokens find their parents from here (see TokenTable)
    }

    public ImmutableArray<DeclarationSyntax> Declarations { get; }
    public SyntaxToken EndOfFile { get; }

    public override ImmutableArray<SyntaxElement> Children => Parts([.. Declarations, EndOfFile]);

    private protected override SyntaxElement Edge(bool last) => EdgeOf(last, default, ImmutableArray<SyntaxNode>.CastUp(Declarations), EndOfFile);
}
