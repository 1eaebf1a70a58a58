using Microsoft.Extensions.DependencyInjection;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests;

public class TextSynchronizationTests
{
    private static TextDocumentContentChangeEvent Replace(int startLine, int startCharacter, int endLine, int endCharacter, string text) =>
        new(text, Range.Create(startLine, startCharacter, endLine, endCharacter));

    private static async Task<(LspTestClient Client, RecordingDocumentListener Listener)> StartAsync(Action<IServiceCollection>? more = null)
    {
        var listener = new RecordingDocumentListener();
        var client = await LspTestClient.StartInitializedAsync(s =>
        {
            s.AddSingleton(listener).AddDocumentChangeListener<RecordingDocumentListener>();
            more?.Invoke(s);
        });
        return (client, listener);
    }

    [Fact]
    public async Task Listeners_see_opens_incremental_changes_and_closes_in_order()
    {
        var (client, listener) = await StartAsync();
        await using var _ = client;
        await client.OpenAsync("prompt a “x” : YesNo");
        await client.ChangeAsync(2, [Replace(0, 15, 0, 20, "Yes😀No")]);
        await client.ChangeAsync(3, [Replace(0, 18, 0, 20, ""), Replace(0, 9, 0, 12, "\"y\"")]);
        await client.CloseAsync();
        await client.SyncAsync();

        var changes = listener.Changes.ToList();
        Assert.Equal([DocumentChangeKind.Opened, DocumentChangeKind.Changed, DocumentChangeKind.Changed, DocumentChangeKind.Closed],
            changes.Select(c => c.Kind));
        Assert.Equal(["prompt a “x” : YesNo", "prompt a “x” : Yes😀No", "prompt a \"y\" : YesNo", "prompt a \"y\" : YesNo"],
            changes.Select(c => c.Document.Text));
        Assert.Equal([1, 2, 3, 3], changes.Select(c => c.Document.Version));
    }

    [Fact]
    public async Task Full_text_changes_replace_the_document()
    {
        var (client, listener) = await StartAsync();
        await using var _ = client;
        await client.OpenAsync("one\r\ntwo");
        await client.ChangeAsync(2, [new TextDocumentContentChangeEvent("three\nfour")]);
        await client.SyncAsync();
        Assert.Equal("three\nfour", listener.Changes.Last().Document.Text);
    }

    [Fact]
    public async Task Changes_to_documents_that_are_not_open_are_logged_and_ignored()
    {
        var (client, listener) = await StartAsync();
        await using var _ = client;
        await client.ChangeAsync(2, [Replace(0, 0, 0, 0, "x")], uri: "file:///workspace/never-opened.rules");
        await client.CloseAsync("file:///workspace/never-opened.rules");
        await client.SyncAsync();
        Assert.Empty(listener.Changes);
        Assert.Contains("Ignored a change to file:///workspace/never-opened.rules, which is not open", client.Log.ToString());
        Assert.Contains("Ignored closing file:///workspace/never-opened.rules", client.Log.ToString());
    }

    [Fact]
    public async Task A_malformed_change_is_rejected_without_stopping_the_server()
    {
        var (client, listener) = await StartAsync();
        await using var _ = client;
        await client.OpenAsync("abc");
        await client.NotifyAsync(LspMethods.DidChange, new { textDocument = new { uri = LspTestClient.DefaultUri, version = 2 } });
        await client.ChangeAsync(3, [Replace(0, 3, 0, 3, "d")]);
        await client.SyncAsync();
        Assert.Equal("abcd", listener.Changes.Last().Document.Text);
        Assert.Contains("Invalid params for 'textDocument/didChange'", client.Log.ToString());
    }

    [Fact]
    public async Task A_failing_listener_does_not_stop_the_others()
    {
        var (client, listener) = await StartAsync(s => s.AddDocumentChangeListener<ThrowingListener>());
        await using var _ = client;
        await client.OpenAsync("abc");
        await client.SyncAsync();
        Assert.Single(listener.Changes);
        Assert.Contains("ThrowingListener failed on Opened", client.Log.ToString());
    }

    [Fact]
    public async Task A_feature_handler_reads_the_synchronized_text_at_a_cursor()
    {
        var (client, _) = await StartAsync(s => s.AddLanguageServerHandler<WordHoverHandler>());
        await using var __ = client;
        var source = TestSource.Parse("prompt a “😀x” : Ye$$sNo");
        await client.OpenAsync("placeholder");
        await client.ChangeAsync(2, [new TextDocumentContentChangeEvent(source.Text)]);

        var hover = await client.RequestAsync<Hover>(WordHoverHandler.Name,
            new HoverParams(new TextDocumentIdentifier(LspTestClient.DefaultUri), source.Position));
        Assert.Equal("`YesNo`", hover!.Contents.Value);
        Assert.Equal(Range.Create(0, 17, 0, 22), hover.Range);
    }

    private sealed class ThrowingListener : IDocumentChangeListener
    {
        public Task OnDocumentChangedAsync(DocumentChange change, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("listener bug");
    }
}
