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
        var offset = analysis.GetOffset(request.Position);
        projects.CurrentFileSystem(out var open);
        if (analysis.ReferenceAt(offset)?.Symbol is { } symbol) return LocationConverter.ToLsp(symbol.Location, open);
        return ImportedFileAt(analysis, offset, open);
    }

    /// <summary>On the path of an <c>import</c>: the start of the file it brings in, when the compilation read it.</summary>
    private static Location? ImportedFileAt(DocumentAnalysis analysis, int offset, IReadOnlyDictionary<string, Documents.DocumentSnapshot> open) =>
        analysis.ImportAt(offset)?.Imported is { } tree
            ? LocationConverter.ToLsp(new Rules.Core.Diagnostics.Location(tree.Text, new Rules.Core.Text.TextSpan(0, 0)), open)
            : null;
}
