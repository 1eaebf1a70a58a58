using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Files changed on disk (created, saved by another program, deleted): forget what was read and
/// discovered, then recompile and republish.</summary>
[Method(LspMethods.DidChangeWatchedFiles)]
public sealed class DidChangeWatchedFilesHandler(RulesProjectService projects, DiagnosticsPublisher publisher)
    : IJsonRpcNotificationHandler<DidChangeWatchedFilesParams>
{
    public Task Handle(DidChangeWatchedFilesParams notification, CancellationToken cancellationToken)
    {
        projects.InvalidateDisk();
        publisher.Schedule();
        return Task.CompletedTask;
    }
}
