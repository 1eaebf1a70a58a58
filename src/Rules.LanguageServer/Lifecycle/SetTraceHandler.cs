using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Settings;

namespace Rules.LanguageServer.Lifecycle;

/// <summary><c>$/setTrace</c>: updates the trace setting.</summary>
[Method(LspMethods.SetTrace)]
public sealed class SetTraceHandler(ServerSettingsStore settings) : IJsonRpcNotificationHandler<SetTraceParams>
{
    public Task Handle(SetTraceParams notification, CancellationToken cancellationToken)
    {
        if (notification.Value is TraceValue.Off or TraceValue.Messages or TraceValue.Verbose)
            settings.Set(settings.Current with { Trace = notification.Value });
        else
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams,
                $"$/setTrace value must be \"off\", \"messages\" or \"verbose\", not \"{notification.Value}\".");
        return Task.CompletedTask;
    }
}
