using System.Collections.Immutable;
using System.Text.Json;
using Rules.Core.Workspace;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests.Features;

/// <summary>
/// The server shows exactly what <c>rules check</c> shows: after a run of random edits to one file of the real
/// probation-2021 framework, the diagnostics last published for every file of the framework are those of a fresh
/// check of the edited text (the server reuses parsed files and lint results between edits; a fresh check does not).
/// </summary>
public sealed class DiagnosticsAgreementTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("rules-agreement-");

    public void Dispose() => _root.Delete(recursive: true);

    [Theory]
    [InlineData(7)]
    [InlineData(2021)]
    public async Task Published_diagnostics_equal_a_fresh_check_after_random_edits(int seed)
    {
        var rules = RepositoryFiles.RulesFolder();
        File.WriteAllText(Path.Combine(_root.FullName, "rules.json"), "{}");
        RepositoryFiles.CopyFolder(Path.Combine(rules, "common"), Path.Combine(_root.FullName, "rules", "common"));
        RepositoryFiles.CopyFolder(Path.Combine(rules, "probation-2021"), Path.Combine(_root.FullName, "rules", "probation-2021"));
        var path = Path.Combine(_root.FullName, "rules", "probation-2021", "implementation.rules");
        var uri = DocumentUris.FromFilePath(path);
        var text = File.ReadAllText(path);

        await using var client = await Fixtures.OpenAsync(text, uri);
        await Fixtures.DiagnosticsAsync(client, uri);
        var random = new Random(seed);
        string[] pieces = ["yes", "no", " == ", " != ", " and ", "not ", "\"", "{", "}", "2.4.1", "case.type", "none", "\n", " positive"];
        var version = 1;
        for (var round = 0; round < 4; round++)
        {
            for (var edit = 0; edit < 6; edit++)
            {
                var at = random.Next(text.Length);
                var length = random.Next(3) == 0 ? Math.Min(random.Next(1, 12), text.Length - at) : 0;
                var insert = random.Next(3) == 0 ? "" : pieces[random.Next(pieces.Length)];
                var document = new DocumentSnapshot(uri, "rules", version, text);
                var range = new Range(document.GetPosition(at), document.GetPosition(at + length));
                text = text[..at] + insert + text[(at + length)..];
                await client.ChangeAsync(++version, [new TextDocumentContentChangeEvent(insert, range)], uri);
            }
            await Fixtures.DiagnosticsAsync(client, uri, p => p.Version == version);
            await QuietAsync(client);
            var expected = Fresh(path, text);
            var published = Published(client);
            Assert.True(expected.SequenceEqual(published),
                $"After {version - 1} edits. Only in rules check:\n{string.Join("\n", expected.Except(published))}\nOnly published:\n{string.Join("\n", published.Except(expected))}");
        }
    }

    /// <summary>What a fresh check reports for every file of the framework, with the open file's unsaved text.</summary>
    private ImmutableArray<string> Fresh(string path, string text)
    {
        var overlay = new OverlayOnDisk(new PhysicalFileSystem(), PathUtil.Normalize(path), text);
        var compilations = new RulesWorkspace(overlay).CompileAll(Path.Combine(_root.FullName, "rules", "probation-2021"));
        return [.. compilations.SelectMany(c => c.Diagnostics)
            .Select(d => Line(DocumentUris.FromFilePath(d.Location.Path), DiagnosticConverter.ToLsp(d)))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The diagnostics last published for each file.</summary>
    private static ImmutableArray<string> Published(LspTestClient client)
    {
        var latest = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var notification in client.Notifications.All.Where(n => n.Method == LspMethods.PublishDiagnostics))
            latest[notification.Params.GetProperty("uri").GetString()!] = notification.Params;
        return [.. latest.SelectMany(kv => kv.Value.GetProperty("diagnostics").Deserialize<Diagnostic[]>(LspJson.Options)!
                .Select(d => Line(kv.Key, d)))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    private static string Line(string uri, Diagnostic d) =>
        $"{uri}:{d.Range.Start.Line + 1}:{d.Range.Start.Character + 1}-{d.Range.End.Line + 1}:{d.Range.End.Character + 1} {d.Severity} {d.Code} {d.Message}";

    /// <summary>Waits until no diagnostics have arrived for a moment (a run publishes the other files after the edited one).</summary>
    private static async Task QuietAsync(LspTestClient client)
    {
        var count = -1;
        while (true)
        {
            await client.SyncAsync();
            var now = client.Notifications.All.Count;
            if (now == count) return;
            count = now;
            await Task.Delay(200);
        }
    }



    /// <summary>The disk with one file's text replaced (the editor's unsaved buffer).</summary>
    private sealed class OverlayOnDisk(IFileSystem disk, string path, string text) : IFileSystem
    {
        public bool FileExists(string p) => PathUtil.Normalize(p) == path || disk.FileExists(p);
        public bool DirectoryExists(string p) => disk.DirectoryExists(p);
        public string ReadAllText(string p) => PathUtil.Normalize(p) == path ? text : disk.ReadAllText(p);
        public IEnumerable<string> EnumerateRuleFiles(string directory) => disk.EnumerateRuleFiles(directory);
    }
}
