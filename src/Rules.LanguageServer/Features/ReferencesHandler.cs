using System.Collections.Immutable;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Find all references of the symbol at the cursor across the framework's files and imports (for a library's
/// symbol, in every framework importing the library).</summary>
[Method(LspMethods.References)]
public sealed class ReferencesHandler(RulesProjectService projects)
    : IJsonRpcRequestHandler<ReferenceParams, ImmutableArray<Location>?>, ICapabilityContributor
{
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { ReferencesProvider = true };

    public async Task<ImmutableArray<Location>?> Handle(ReferenceParams request, CancellationToken cancellationToken)
    {
        if (await projects.AnalyzeAsync(request.TextDocument.Uri, cancellationToken) is not { } analysis) return null;
        if (analysis.ReferenceAt(analysis.GetOffset(request.Position))?.Symbol is not { } symbol) return null;
        var occurrences = await SymbolOccurrences.FindAsync(projects, analysis, symbol, cancellationToken);
        projects.CurrentFileSystem(out var open);
        return LocationConverter.ToLsp(
            occurrences.SelectMany(o => o.Model.FindReferences(o.Symbol, request.Context.IncludeDeclaration))
                .Select(r => r.Location)
                .DistinctBy(l => (l.Path, l.Span))
                .OrderBy(l => l.Path, StringComparer.Ordinal).ThenBy(l => l.Span.Start),
            open);
    }
}
