using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Semantic tokens of a whole document (see <see cref="SemanticClassifier"/>).</summary>
[Method(LspMethods.SemanticTokensFull)]
public sealed class SemanticTokensHandler(RulesProjectService projects)
    : IJsonRpcRequestHandler<SemanticTokensParams, SemanticTokens?>, ICapabilityContributor
{
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { SemanticTokensProvider = new SemanticTokensOptions(SemanticClassifier.Legend, Range: true, Full: true) };

    public async Task<SemanticTokens?> Handle(SemanticTokensParams request, CancellationToken cancellationToken) =>
        await projects.AnalyzeAsync(request.TextDocument.Uri, cancellationToken) is { } analysis ? SemanticClassifier.Classify(analysis) : null;
}
