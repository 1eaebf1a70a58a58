using Rules.Core.Semantics;
using Rules.Core.Syntax;
using Rules.Core.Workspace;
using Rules.LanguageServer.Documents;

namespace Rules.LanguageServer.Compilation;

/// <summary>An open document with the compilation of the framework (or library) it belongs to, as of the
/// document's current text. <see cref="Tree"/> is the document's own parsed text.</summary>
public sealed record DocumentAnalysis(DocumentSnapshot Document, string Path, SyntaxTree Tree, ProjectCompilation Project)
{
    public SemanticModel Model => Project.Compilation.Model;

    public int GetOffset(Protocol.Position position) => Document.GetOffset(position);

    public Range GetRange(Rules.Core.Text.TextSpan span) => Document.GetRange(span.Start, span.End);

    /// <summary>The name or code at <paramref name="offset"/> in this document (the <c>.*</c> of <c>2.4.1.*</c> included).</summary>
    public SymbolReference? ReferenceAt(int offset) => Model.ReferenceAt(Path, offset);

    /// <summary>The import whose path is at <paramref name="offset"/>, with the file it brought in (null when the compilation did not read one).</summary>
    public (ImportDeclarationSyntax Import, SyntaxTree? Imported)? ImportAt(int offset)
    {
        foreach (var import in Tree.Root.Declarations.OfType<ImportDeclarationSyntax>())
        {
            if (import.Path.IsMissing || offset < import.Path.Span.Start || offset > import.Path.Span.End) continue;
            var target = PathUtil.Combine(PathUtil.Directory(Path), import.Path.ValueText);
            return (import, Model.ImportedTrees.FirstOrDefault(t => t.Path == target));
        }
        return null;
    }
}
