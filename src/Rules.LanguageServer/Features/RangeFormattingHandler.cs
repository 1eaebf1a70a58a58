using System.Collections.Immutable;
using Rules.Core.Formatting;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Formats the lines of a range as <c>rules fmt</c> would format them in the whole document
/// (the document is formatted, and only the changed lines inside the range are replaced).</summary>
[Method(LspMethods.RangeFormatting)]
public sealed class RangeFormattingHandler(DocumentStore documents, RulesProjectService projects)
    : IJsonRpcRequestHandler<DocumentRangeFormattingParams, ImmutableArray<TextEdit>?>
{
    public Task<ImmutableArray<TextEdit>?> Handle(DocumentRangeFormattingParams request, CancellationToken cancellationToken)
    {
        if (documents.Get(request.TextDocument.Uri) is not { } document) return Task.FromResult<ImmutableArray<TextEdit>?>(null);
        var formatted = Formatter.Format(projects.Parse(document));
        return Task.FromResult<ImmutableArray<TextEdit>?>(FormatEdits.InLines(document, formatted, request.Range.Start.Line, request.Range.End.Line));
    }
}
