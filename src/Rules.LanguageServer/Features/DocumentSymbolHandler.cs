using System.Collections.Immutable;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>The outline of a document (see <see cref="DocumentOutline"/>); flat symbol information for
/// clients without hierarchical support.</summary>
[Method(LspMethods.DocumentSymbol)]
public sealed class DocumentSymbolHandler(DocumentStore documents, RulesProjectService projects, ClientSession client)
    : IJsonRpcRequestHandler<DocumentSymbolParams, object?>, ICapabilityContributor
{
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { DocumentSymbolProvider = true };

    public Task<object?> Handle(DocumentSymbolParams request, CancellationToken cancellationToken)
    {
        if (documents.Get(request.TextDocument.Uri) is not { } document) return Task.FromResult<object?>(null);
        var outline = DocumentOutline.Build(projects.Parse(document), document);
        if (client.SupportsHierarchicalDocumentSymbols) return Task.FromResult<object?>(outline);
        ImmutableArray<SymbolInformation> flat =
        [
            .. DocumentOutline.Flatten(outline).Select(s => new SymbolInformation(s.Symbol.Name, s.Symbol.Kind,
                new Location(document.Uri, s.Symbol.SelectionRange), s.Container)),
        ];
        return Task.FromResult<object?>(flat);
    }
}
