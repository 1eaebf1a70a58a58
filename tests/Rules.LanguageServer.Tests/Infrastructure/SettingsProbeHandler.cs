using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Settings;

namespace Rules.LanguageServer.Tests.Infrastructure;

public sealed record SessionProbe(ServerSettings Settings, string[] Folders, bool Markdown, int? ProcessId = null, string? RootUri = null, string? ClientName = null, string? Options = null);

/// <summary>A test-only request returning what the server knows about the client and its settings.</summary>
[Method("test/probe")]
public sealed class SettingsProbeHandler(ServerSettingsStore settings, ClientSession session) : IJsonRpcRequestHandler<NoParams, SessionProbe>
{
    public Task<SessionProbe> Handle(NoParams request, CancellationToken cancellationToken) =>
        Task.FromResult(new SessionProbe(
            settings.Current with { Section = null },
            session.WorkspaceFolders.Select(f => f.Name).ToArray(),
            session.SupportsMarkdownHover,
            session.ProcessId,
            session.RootUri,
            session.ClientInfo?.Name,
            session.InitializationOptions?.GetRawText()));
}
