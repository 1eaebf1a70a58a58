using System.Collections.Immutable;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Highlights the symbol at the cursor in this document: its declaration (write) and uses (read).</summary>
[Method(LspMethods.DocumentHighlight)]
public sealed class DocumentHighlightHandler(RulesProjectService projects)
    : IJsonRpcRequestHandler<DocumentHighlightParams, ImmutableArray<DocumentHighlight>?>, ICapabilityContributor
{
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { DocumentHighlightProvider = true };

    public async Task<ImmutableArray<DocumentHighlight>?> Handle(DocumentHighlightParams request, CancellationToken cancellationToken)
    {
        if (await projects.AnalyzeAsync(request.TextDocument.Uri, cancellationToken) is not { } analysis) return null;
        if (analysis.ReferenceAt(analysis.GetOffset(request.Position))?.Symbol is not { } symbol) return [];
        return
        [
            .. analysis.Model.FindReferences(symbol)
                .Where(r => r.Location.Path == analysis.Path)
                .DistinctBy(r => r.Location.Span)
                .OrderBy(r => r.Location.Span.Start)
                .Select(r => new DocumentHighlight(analysis.GetRange(r.Location.Span),
                    r.IsDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read)),
        ];
    }
}
