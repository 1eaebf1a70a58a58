using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Rules.Core.Workspace;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.Protocol;
using CompilerDiagnostic = Rules.Core.Diagnostics.Diagnostic;

namespace Rules.LanguageServer.Features;

/// <summary>
/// Publishes what <c>rules check</c> reports, for every file of every framework (or library) with an open
/// document and every framework importing an open document. After each change (debounced) the open projects
/// are compiled again (only those whose files changed), the edited documents are published, every other
/// file whose diagnostics changed is republished, and files that no longer belong to an open project are cleared.
/// </summary>
public sealed class DiagnosticsPublisher(
    RulesProjectService projects,
    ILanguageClient client,
    DocumentWorkScheduler scheduler,
    ILogger<DiagnosticsPublisher> logger) : IDocumentChangeListener
{
    /// <summary>One debounced run covers every document, so there is one scheduler key.</summary>
    public const string WorkKey = "rules:diagnostics";

    private readonly object _gate = new();
    private readonly Dictionary<string, Published> _published = new(StringComparer.Ordinal);

    /// <summary>What was last published for a file: compiler diagnostics compare by value (the same source text
    /// object, span, id, severity, message and suggestion).</summary>
    private sealed record Published(ImmutableArray<CompilerDiagnostic> Diagnostics, int? Version)
    {
        public bool SameAs(Published other) => Version == other.Version && Diagnostics.AsSpan().SequenceEqual(other.Diagnostics.AsSpan());
    }

    public Task OnDocumentChangedAsync(DocumentChange change, CancellationToken cancellationToken)
    {
        // A compilation is fresh while its rule files' texts are the same; rules.json (open in an editor that
        // sends it) is read by every compilation of its workspace, so a change to it makes them all stale.
        if (!PathUtil.IsRuleFile(DocumentPaths.ToPath(change.Document.Uri))) projects.InvalidateDiscovery();
        Schedule();
        return Task.CompletedTask;
    }

    /// <summary>Recompiles and republishes (also after files changed on disk).</summary>
    public void Schedule() => scheduler.Schedule(WorkKey, PublishAsync);

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        var compilations = await projects.CompileOpenProjectsAsync(cancellationToken);
        projects.CurrentFileSystem(out var open);

        var byPath = new Dictionary<string, List<CompilerDiagnostic>>(StringComparer.Ordinal);
        foreach (var compilation in compilations)
        {
            foreach (var file in compilation.OwnFiles) byPath.TryAdd(file, []);
            foreach (var diagnostic in compilation.Compilation.Diagnostics)
            {
                if (diagnostic.Location.Path.Length == 0) continue;
                if (!byPath.TryGetValue(diagnostic.Location.Path, out var list)) byPath[diagnostic.Location.Path] = list = [];
                list.Add(diagnostic);
            }
        }
        foreach (var path in open.Keys) byPath.TryAdd(path, []);

        var publications = new List<PublishDiagnosticsParams>();
        var now = new Dictionary<string, Published>(StringComparer.Ordinal);
        foreach (var (path, list) in byPath)
        {
            var document = open.GetValueOrDefault(path);
            var uri = document?.Uri ?? ToUri(path);
            if (uri is null) continue;
            // Most files have nothing to report: no sorting for them (this runs for every file on every keystroke).
            ImmutableArray<CompilerDiagnostic> diagnostics = list.Count == 0
                ? []
                :
                [
                    .. list.DistinctBy(d => (d.Location.Span, d.Id, d.Message))
                        .OrderBy(d => d.Location.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal),
                ];
            var published = new Published(diagnostics, document?.Version);
            now[uri] = published;
            bool changed;
            // Publish when the diagnostics changed, and for every new version of an open document. A file whose
            // text did not change keeps its source text, so its diagnostics compare equal without converting them.
            lock (_gate) changed = !_published.TryGetValue(uri, out var before) || !before.SameAs(published);
            if (changed)
                publications.Add(new PublishDiagnosticsParams(uri, [.. diagnostics.Select(d => DiagnosticConverter.ToLsp(d, open))], document?.Version));
        }
        lock (_gate)
            foreach (var uri in _published.Keys.Where(u => !now.ContainsKey(u)))
                publications.Add(new PublishDiagnosticsParams(uri, []));

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var publication in publications)
            await client.PublishDiagnosticsAsync(publication, cancellationToken);
        lock (_gate)
        {
            _published.Clear();
            foreach (var (uri, published) in now) _published[uri] = published;
        }
        logger.LogDebug("Published diagnostics for {Count} file(s) of {Projects} project(s).", publications.Count, compilations.Length);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _uris = new(StringComparer.Ordinal);

    /// <summary>A file's URI, worked out once per path.</summary>
    private string? ToUri(string path) => _uris.GetOrAdd(path, static p =>
    {
        try
        {
            return DocumentUris.FromFilePath(p);
        }
        catch (ArgumentException)
        {
            return null;
        }
    });
}
