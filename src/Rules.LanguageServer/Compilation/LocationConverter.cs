using System.Collections.Immutable;
using Rules.Core.Workspace;
using Rules.LanguageServer.Documents;
using CoreDiagnostics = Rules.Core.Diagnostics;
using Lsp = Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Compilation;

/// <summary>Compiler locations as LSP locations: the open document's URI for open files, else the file URI.</summary>
public static class LocationConverter
{
    public static string UriOf(string path, IReadOnlyDictionary<string, DocumentSnapshot> open) =>
        open.TryGetValue(PathUtil.Normalize(path), out var document) ? document.Uri : DocumentUris.FromFilePath(path);

    public static Lsp.Location ToLsp(CoreDiagnostics.Location location, IReadOnlyDictionary<string, DocumentSnapshot> open) =>
        new(UriOf(location.Path, open), DiagnosticConverter.ToRange(location.LineSpan));

    public static ImmutableArray<Lsp.Location> ToLsp(IEnumerable<CoreDiagnostics.Location> locations, IReadOnlyDictionary<string, DocumentSnapshot> open) =>
        [.. locations.Select(l => ToLsp(l, open))];
}
