using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests;

public class LanguageClientTests
{
    [Method("test/tell")]
    public sealed class TellHandler(ILanguageClient client) : IJsonRpcNotificationHandler<NoParams>
    {
        public async Task Handle(NoParams notification, CancellationToken cancellationToken)
        {
            await client.LogMessageAsync(MessageType.Warning, "“2.4.1” has no prompts 😀", cancellationToken);
            await client.ShowMessageAsync(MessageType.Error, "Cannot read answers.rules", cancellationToken);
            await client.SendNotificationAsync("test/event", new { n = 1 }, cancellationToken);
        }
    }

    [Fact]
    public async Task Handlers_send_log_show_and_custom_notifications_to_the_editor()
    {
        await using var client = await LspTestClient.StartInitializedAsync(s => s.AddLanguageServerHandler<TellHandler>());
        await client.NotifyAsync("test/tell", null);

        var log = (await client.Notifications.WaitAsync(LspMethods.LogMessage)).Deserialize<LogMessageParams>(LspJson.Options)!;
        Assert.Equal(new LogMessageParams(MessageType.Warning, "“2.4.1” has no prompts 😀"), log);
        var show = (await client.Notifications.WaitAsync(LspMethods.ShowMessage)).Deserialize<ShowMessageParams>(LspJson.Options)!;
        Assert.Equal(MessageType.Error, show.Type);
        var custom = await client.Notifications.WaitAsync("test/event");
        Assert.Equal(1, custom.GetProperty("n").GetInt32());
    }
}
