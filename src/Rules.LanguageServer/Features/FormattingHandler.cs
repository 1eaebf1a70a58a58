using System.Collections.Immutable;
using Rules.Core.Formatting;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Formats a document exactly as <c>rules fmt</c> does; a document with syntax errors is left alone.</summary>
[Method(LspMethods.Formatting)]
public sealed class FormattingHandler(DocumentStore documents, RulesProjectService projects)
    : IJsonRpcRequestHandler<DocumentFormattingParams, ImmutableArray<TextEdit>?>, ICapabilityContributor
{
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { DocumentFormattingProvider = true, DocumentRangeFormattingProvider = true };

    public Task<ImmutableArray<TextEdit>?> Handle(DocumentFormattingParams request, CancellationToken cancellationToken)
    {
        if (documents.Get(request.TextDocument.Uri) is not { } document) return Task.FromResult<ImmutableArray<TextEdit>?>(null);
        return Task.FromResult<ImmutableArray<TextEdit>?>(FormatEdits.Whole(document, Formatter.Format(projects.Parse(document))));
    }
}
