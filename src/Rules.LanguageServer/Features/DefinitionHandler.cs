using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Go to definition: where the symbol at the cursor is declared (in any file of the framework or its imports).</summary>
[Method(LspMethods.Definition)]
public sealed class DefinitionHandler(RulesProjectService projects)
    : IJsonRpcRequestHandler<DefinitionParams, Location?>, ICapabilityContributor
{
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { DefinitionProvider = true };

    public async Task<Location?> Handle(DefinitionParams request, CancellationToken cancellationToken)
    {
        if (await projects.AnalyzeAsync(request.TextDocument.Uri, cancellationToken) is not { } analysis) return null;
        if (analysis.ReferenceAt(analysis.GetOffset(request.Position))?.Symbol is not { } symbol) return null;
        projects.CurrentFileSystem(out var open);
        return LocationConverter.ToLsp(symbol.Location, open);
    }
}
