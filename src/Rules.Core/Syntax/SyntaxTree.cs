using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Text;

namespace Rules.Core.Syntax;

/// <summary>One parsed file: its text, its full-fidelity tree and its syntax diagnostics.</summary>
public sealed class SyntaxTree(SourceText text, CompilationUnitSyntax root, ImmutableArray<Diagnostic> diagnostics)
{
    public SourceText Text { get; } = text;
    public CompilationUnitSyntax Root { get; } = root;
    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;
    public string Path => Text.Path;

    /// <summary>
    /// False when the lexer saw that every quoted text of the file has a word in it (none blank, none with an escape
    /// to resolve first), so RL0402 need not look at the tree: a fact of the text, found where its texts are read
    /// anyway. True when unknown.
    /// </summary>
    internal bool MayHaveTextWithoutWords { get; init; } = true;

    public static SyntaxTree Parse(string text, string path = "") => Parse(new SourceText(text, path));

    public static SyntaxTree Parse(SourceText text) => Parsing.Parser.Parse(text);

    /// <summary>The same, reusing what earlier parses made (see <see cref="Parsing.ParseBuffers"/>).</summary>
    internal static SyntaxTree Parse(SourceText text, Parsing.ParseBuffers buffers) => Parsing.Parser.Parse(text, buffers);

    public Location GetLocation(Rules.Core.Text.TextSpan span) => new(Text, span);

    public Location GetLocation(SyntaxElement element) => new(Text, element.Span);
}
