using System.Collections.Immutable;
using System.Text.Json;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer;

/// <summary>
/// The way to talk to the editor from handlers and listeners (inject it). All methods are thread-safe;
/// notifications to a closed connection are dropped (and logged), requests to one throw.
/// </summary>
public interface ILanguageClient
{
    /// <summary>
    /// Sends <c>textDocument/publishDiagnostics</c>, keeping at most the <c>maxNumberOfProblems</c> setting
    /// (the first ones in the given order). An empty list clears the document's diagnostics.
    /// </summary>
    Task PublishDiagnosticsAsync(PublishDiagnosticsParams parameters, CancellationToken cancellationToken = default);

    /// <summary>Sends <c>window/logMessage</c> (the editor's output panel).</summary>
    Task LogMessageAsync(MessageType type, string message, CancellationToken cancellationToken = default);

    /// <summary>Sends <c>window/showMessage</c> (a pop-up).</summary>
    Task ShowMessageAsync(MessageType type, string message, CancellationToken cancellationToken = default);

    /// <summary>Asks <c>workspace/configuration</c>; one element per item (null elements for unknown sections).</summary>
    Task<ImmutableArray<JsonElement>> GetConfigurationAsync(ConfigurationParams parameters, CancellationToken cancellationToken = default);

    /// <summary>Sends any request to the client and reads its result.</summary>
    Task<TResult?> SendRequestAsync<TResult>(string method, object? parameters, CancellationToken cancellationToken = default);

    /// <summary>Sends any notification to the client.</summary>
    Task SendNotificationAsync(string method, object? parameters, CancellationToken cancellationToken = default);
}
