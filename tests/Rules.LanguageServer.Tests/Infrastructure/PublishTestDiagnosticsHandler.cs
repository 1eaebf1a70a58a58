using System.Collections.Immutable;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Tests.Infrastructure;

public sealed record PublishTestDiagnosticsParams(string Uri, int Count);

/// <summary>A test-only request that publishes <c>Count</c> diagnostics through <see cref="ILanguageClient"/>.</summary>
[Method("test/publish")]
public sealed class PublishTestDiagnosticsHandler(ILanguageClient client) : IJsonRpcRequestHandler<PublishTestDiagnosticsParams, object?>
{
    public async Task<object?> Handle(PublishTestDiagnosticsParams request, CancellationToken cancellationToken)
    {
        var diagnostics = Enumerable.Range(0, request.Count)
            .Select(i => new Diagnostic(Range.Create(i, 0, i, 1), $"Problem {i}", DiagnosticSeverity.Warning, "RL9999", Source: "rules"))
            .ToImmutableArray();
        await client.PublishDiagnosticsAsync(new PublishDiagnosticsParams(request.Uri, diagnostics, 1), cancellationToken);
        return null;
    }
}
