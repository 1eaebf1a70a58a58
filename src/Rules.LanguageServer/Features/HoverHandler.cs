using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Hover over a declaration or reference: what the symbol is, as authors see it (see <see cref="SymbolDescriber"/>).</summary>
[Method(LspMethods.Hover)]
public sealed class HoverHandler(RulesProjectService projects, ClientSession client)
    : IJsonRpcRequestHandler<HoverParams, Hover?>, ICapabilityContributor
{
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { HoverProvider = true };

    public async Task<Hover?> Handle(HoverParams request, CancellationToken cancellationToken)
    {
        if (await projects.AnalyzeAsync(request.TextDocument.Uri, cancellationToken) is not { } analysis) return null;
        var offset = analysis.GetOffset(request.Position);
        if (analysis.ReferenceAt(offset) is not { } reference) return null;
        var markdown = client.SupportsMarkdownHover;
        var text = SymbolDescriber.Describe(reference.Symbol, markdown, analysis.Model);
        return new Hover(markdown ? MarkupContent.Markdown(text) : MarkupContent.PlainText(text), analysis.GetRange(reference.Location.Span));
    }
}
