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

    public static SyntaxTree Parse(string text, string path = "") => Parse(new SourceText(text, path));

    public static SyntaxTree Parse(SourceText text) => Parsing.Parser.Parse(text);

    public Location GetLocation(Rules.Core.Text.TextSpan span) => new(Text, span);

    public Location GetLocation(SyntaxElement element) => new(Text, element.Span);
}
