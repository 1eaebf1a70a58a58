using System.Collections.Immutable;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Renames a symbol at every declaration and reference across the framework and its imports, and for a
/// library's symbol in every framework importing the library (see <see cref="RenamePlanner"/>, <see cref="SymbolOccurrences"/>).</summary>
[Method(LspMethods.Rename)]
public sealed class RenameHandler(RulesProjectService projects)
    : IJsonRpcRequestHandler<RenameParams, WorkspaceEdit?>, ICapabilityContributor
{
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { RenameProvider = new RenameOptions(PrepareProvider: session.SupportsPrepareRename ? true : null) };

    public async Task<WorkspaceEdit?> Handle(RenameParams request, CancellationToken cancellationToken)
    {
        if (await projects.AnalyzeAsync(request.TextDocument.Uri, cancellationToken) is not { } analysis) return null;
        var offset = analysis.GetOffset(request.Position);
        if (analysis.ReferenceAt(offset) is not { } reference)
            throw new JsonRpcException(JsonRpcErrorCodes.RequestFailed, "There is nothing to rename here: place the cursor on a name or code.");
        var newName = request.NewName.Trim();
        var occurrences = await SymbolOccurrences.FindAsync(projects, analysis, reference.Symbol, cancellationToken);
        foreach (var occurrence in occurrences)
        {
            if (RenamePlanner.Validate(occurrence.Model, occurrence.Symbol, newName) is not { } problem) continue;
            // A library's symbol is renamed in every framework importing it: say which one refuses.
            if (!ReferenceEquals(occurrence.Compilation, analysis.Project))
                problem = $"In the framework in {occurrence.Compilation.Project.RootFolder}: {problem}";
            throw new JsonRpcException(JsonRpcErrorCodes.RequestFailed, problem);
        }
        projects.CurrentFileSystem(out var open);
        var changes = occurrences
            .SelectMany(o => RenamePlanner.Plan(o.Model, o.Symbol, newName))
            .DistinctBy(e => (e.Path, e.Span))
            .GroupBy(e => e.Path, StringComparer.Ordinal)
            .ToImmutableDictionary(
                g => open.TryGetValue(g.Key, out var document) ? document.Uri : Documents.DocumentUris.FromFilePath(g.Key),
                g => g.OrderBy(e => e.Span.Start).Select(e => new TextEdit(DiagnosticConverter.ToRange(e.Source.GetLinePositionSpan(e.Span)), e.NewText)).ToImmutableArray());
        return new WorkspaceEdit(changes);
    }
}
