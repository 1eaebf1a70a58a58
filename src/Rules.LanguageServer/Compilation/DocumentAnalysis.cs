using Rules.Core.Semantics;
using Rules.Core.Syntax;
using Rules.LanguageServer.Documents;

namespace Rules.LanguageServer.Compilation;

/// <summary>An open document with the compilation of the framework (or library) it belongs to, as of the
/// document's current text. <see cref="Tree"/> is the document's own parsed text.</summary>
public sealed record DocumentAnalysis(DocumentSnapshot Document, string Path, SyntaxTree Tree, ProjectCompilation Project)
{
    public SemanticModel Model => Project.Compilation.Model;

    public int GetOffset(Protocol.Position position) => Document.GetOffset(position);

    public Range GetRange(Rules.Core.Text.TextSpan span) => Document.GetRange(span.Start, span.End);

    /// <summary>
    /// The name or code at <paramref name="offset"/> in this document. The <c>.*</c> of a wildcard such as
    /// <c>2.4.1.*</c> counts as part of the key question's code (the model records only the <c>2.4.1</c>).
    /// </summary>
    public SymbolReference? ReferenceAt(int offset)
    {
        if (Model.ReferenceAt(Path, offset) is { } reference) return reference;
        var text = Document.Text;
        var star = offset < text.Length && text[offset] == '*' ? offset
            : offset > 0 && offset <= text.Length && text[offset - 1] == '*' ? offset - 1
            : -1;
        if (star < 2 || text[star - 1] != '.') return null;
        return Model.ReferenceAt(Path, star - 1) is { Symbol: KeyQuestionSymbol } wildcard && wildcard.Location.Span.End == star - 1
            ? wildcard
            : null;
    }
}
