using System.Text.Json;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests.Features;

/// <summary>The framework of LANGUAGE.md (shared with the end-to-end test) and helpers for feature tests.</summary>
internal static class Fixtures
{
    public static string Framework { get; } =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "framework.rules")).ReplaceLineEndings("\n");

    /// <summary>The framework with <c>$$</c> inserted before the n-th (0-based) occurrence of <paramref name="needle"/>, plus <paramref name="shift"/> characters.</summary>
    public static TestSource WithCursor(string needle, int shift = 0, int occurrence = 0, string? text = null)
    {
        text ??= Framework;
        var at = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"'{needle}' occurs fewer than {occurrence + 1} times.");
        }
        return TestSource.Parse(text.Insert(at + shift, TestSource.CursorMarker));
    }

    public static async Task<LspTestClient> OpenAsync(string text, string uri = LspTestClient.DefaultUri)
    {
        var client = await LspTestClient.StartInitializedAsync();
        await client.OpenAsync(text, uri);
        return client;
    }

    public static TextDocumentIdentifier Document(string uri = LspTestClient.DefaultUri) => new(uri);

    public static async Task<PublishDiagnosticsParams> DiagnosticsAsync(LspTestClient client, string uri, Func<PublishDiagnosticsParams, bool>? accept = null)
    {
        var element = await client.Notifications.WaitAsync(LspMethods.PublishDiagnostics,
            p => p.GetProperty("uri").GetString() == uri && (accept is null || accept(Read(p))), TimeSpan.FromSeconds(20));
        return Read(element);
    }

    private static PublishDiagnosticsParams Read(JsonElement element) => element.Deserialize<PublishDiagnosticsParams>(LspJson.Options)!;

    public static string TextAt(string text, Range range)
    {
        var lines = text.Split('\n');
        Assert.Equal(range.Start.Line, range.End.Line);
        return lines[range.Start.Line][range.Start.Character..range.End.Character];
    }

    public const string Library = "file:///workspace/common/answers.rules";
    public const string ImportingFramework = "file:///workspace/fw/framework.rules";

    /// <summary>A framework (<see cref="ImportingFramework"/>) whose answer set YesNo comes from an open library (<see cref="Library"/>).</summary>
    public static async Task<LspTestClient> OpenFrameworkImportingLibraryAsync()
    {
        var answers = "answers YesNo {\n  yes \"Yes\" positive\n  no  \"No\"\n}\n";
        var text = "import \"../common/answers.rules\"\n\n" + Fixtures.Framework[..Fixtures.Framework.IndexOf("answers YesNo", StringComparison.Ordinal)]
                   + Fixtures.Framework[(Fixtures.Framework.IndexOf("answers StartedPromptly", StringComparison.Ordinal))..];
        var client = await LspTestClient.StartInitializedAsync();
        await client.OpenAsync("{}", "file:///workspace/rules.json", languageId: "json");
        await client.OpenAsync(answers, Library);
        await client.OpenAsync(text, ImportingFramework);
        return client;
    }
}
