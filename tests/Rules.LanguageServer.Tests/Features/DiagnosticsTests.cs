using Rules.LanguageServer.Documents;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests.Features;

public class DiagnosticsTests
{
    [Fact]
    public async Task A_clean_framework_publishes_no_diagnostics()
    {
        await using var client = await Fixtures.OpenAsync(Fixtures.Framework);
        var published = await Fixtures.DiagnosticsAsync(client, LspTestClient.DefaultUri);
        Assert.Empty(published.Diagnostics);
        Assert.Equal(1, published.Version);
    }

    [Fact]
    public async Task A_mistake_in_rules_json_is_published_for_rules_json_and_goes_when_it_is_mended()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        const string settings = "file:///workspace/rules.json";
        await client.OpenAsync("{ \"diagnostics\": { \"RL0101\": \"off\" } }", settings, languageId: "json");
        await client.OpenAsync(Fixtures.Framework, "file:///workspace/fw/framework.rules");
        var published = await Fixtures.DiagnosticsAsync(client, settings, p => p.Diagnostics.Length > 0);
        var diagnostic = Assert.Single(published.Diagnostics);
        Assert.Equal("RL0001", diagnostic.Code);
        Assert.Contains("RL0101 is an error and errors cannot be lowered", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("\"RL0101\"", Fixtures.TextAt("{ \"diagnostics\": { \"RL0101\": \"off\" } }", diagnostic.Range));

        await client.ChangeAsync(2, [new TextDocumentContentChangeEvent("{ \"diagnostics\": { \"RL0403\": \"off\" } }")], settings);
        await Fixtures.DiagnosticsAsync(client, settings, p => p.Diagnostics.Length == 0);
    }

    [Fact]
    public async Task An_unknown_option_is_reported_with_its_id_source_exact_range_and_suggestion()
    {
        var text = Fixtures.Framework.Replace("when 2.4.1.c != none", "when 2.4.1.c != nonee");
        await using var client = await Fixtures.OpenAsync(text);
        var published = await Fixtures.DiagnosticsAsync(client, LspTestClient.DefaultUri, p => p.Diagnostics.Length > 0);
        var diagnostic = Assert.Single(published.Diagnostics);
        Assert.Equal("RL0105", diagnostic.Code);
        Assert.Equal("rules", diagnostic.Source);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("nonee", Fixtures.TextAt(text, diagnostic.Range));
        Assert.Contains("did you mean", diagnostic.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ranges_are_in_utf16_after_non_bmp_characters_and_curly_quotes()
    {
        var text = Fixtures.Framework.Replace("prompt d \"Is enforcement", "prompt d \"😀 “Is” enforcement")
            .Replace("when 2.4.1.c != none", "when 2.4.1.c != nonee");
        await using var client = await Fixtures.OpenAsync(text.Replace("when 2.4.1.c", "when /*😀*/ 2.4.1.c"));
        var published = await Fixtures.DiagnosticsAsync(client, LspTestClient.DefaultUri, p => p.Diagnostics.Length > 0);
        var diagnostic = Assert.Single(published.Diagnostics);
        Assert.Equal("nonee", Fixtures.TextAt(text.Replace("when 2.4.1.c", "when /*😀*/ 2.4.1.c"), diagnostic.Range));
    }

    [Fact]
    public async Task An_edit_clears_the_diagnostic_for_the_new_version()
    {
        var text = Fixtures.Framework.Replace("when 2.4.1.c != none", "when 2.4.1.c != nonee");
        await using var client = await Fixtures.OpenAsync(text);
        var first = await Fixtures.DiagnosticsAsync(client, LspTestClient.DefaultUri, p => p.Diagnostics.Length > 0);
        var range = first.Diagnostics[0].Range;
        await client.ChangeAsync(2, [new TextDocumentContentChangeEvent("none", range)]);
        var second = await Fixtures.DiagnosticsAsync(client, LspTestClient.DefaultUri, p => p.Version == 2);
        Assert.Empty(second.Diagnostics);
    }

    [Fact]
    public async Task An_edit_in_an_imported_library_republishes_the_framework_importing_it()
    {
        await using var client = await Fixtures.OpenFrameworkImportingLibraryAsync();
        var clean = await Fixtures.DiagnosticsAsync(client, Fixtures.ImportingFramework);
        Assert.DoesNotContain(clean.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        // Renaming the option `yes` of the library breaks the framework's `2.4.1 == yes`.
        await client.ChangeAsync(2, [new TextDocumentContentChangeEvent("yep", Range.Create(1, 2, 1, 5))], Fixtures.Library);
        var broken = await Fixtures.DiagnosticsAsync(client, Fixtures.ImportingFramework, p => p.Diagnostics.Any(d => d.Code == "RL0105"));
        Assert.Contains(broken.Diagnostics, d => d.Code == "RL0105");

        await client.ChangeAsync(3, [new TextDocumentContentChangeEvent("yes", Range.Create(1, 2, 1, 5))], Fixtures.Library);
        var fixedAgain = await Fixtures.DiagnosticsAsync(client, Fixtures.ImportingFramework, p => !p.Diagnostics.Any(d => d.Code == "RL0105"));
        Assert.DoesNotContain(fixedAgain.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task An_error_made_in_an_imported_library_is_shown_at_the_frameworks_import_until_mended()
    {
        await using var client = await Fixtures.OpenFrameworkImportingLibraryAsync();
        Assert.DoesNotContain((await Fixtures.DiagnosticsAsync(client, Fixtures.ImportingFramework)).Diagnostics, d => d.Code == "RL0108");

        // `no` becomes a second `yes`: the library's own error, and the framework's import says so.
        await client.ChangeAsync(2, [new TextDocumentContentChangeEvent("yes", Range.Create(2, 2, 2, 4))], Fixtures.Library);
        var broken = await Fixtures.DiagnosticsAsync(client, Fixtures.ImportingFramework, p => p.Diagnostics.Any(d => d.Code == "RL0108"));
        var atImport = Assert.Single(broken.Diagnostics, d => d.Code == "RL0108");
        Assert.Equal(Range.Create(0, 7, 0, 32), atImport.Range);
        Assert.Contains("'common/answers.rules' has an error", atImport.Message);
        // A link to the error itself, in the library (open, so under its document's URI).
        var related = Assert.Single(atImport.RelatedInformation!.Value);
        Assert.Equal((Fixtures.Library, 2), (related.Location.Uri, related.Location.Range.Start.Line));
        Assert.StartsWith("Option 'yes' is declared more than once", related.Message);

        await client.ChangeAsync(3, [new TextDocumentContentChangeEvent("no ", Range.Create(2, 2, 2, 5))], Fixtures.Library);
        var mended = await Fixtures.DiagnosticsAsync(client, Fixtures.ImportingFramework, p => !p.Diagnostics.Any(d => d.Code == "RL0108"));
        Assert.DoesNotContain(mended.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task An_edit_republishes_only_the_files_whose_diagnostics_changed()
    {
        var folder = Directory.CreateTempSubdirectory("rules-republish-");
        try
        {
            var framework = Fixtures.Framework;
            var domainStart = framework.IndexOf("domain 2", StringComparison.Ordinal);
            var breakdownStart = framework.IndexOf("breakdown rosh_level", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder.FullName, "rules.json"), "{}");
            var frameworkPath = Path.Combine(folder.FullName, "framework.rules");
            File.WriteAllText(frameworkPath, framework[..domainStart] + framework[breakdownStart..]);
            // The other file has a warning (an unused answer set), so it is published with diagnostics.
            var otherPath = Path.Combine(folder.FullName, "domain2.rules");
            File.WriteAllText(otherPath, framework[domainStart..breakdownStart] + "answers Unused {\n  a \"A\" positive\n}\n");
            var frameworkUri = DocumentUris.FromFilePath(frameworkPath);
            var otherUri = DocumentUris.FromFilePath(otherPath);

            await using var client = await Fixtures.OpenAsync(File.ReadAllText(frameworkPath), frameworkUri);
            await Fixtures.DiagnosticsAsync(client, frameworkUri);
            var other = await Fixtures.DiagnosticsAsync(client, otherUri);
            Assert.NotEmpty(other.Diagnostics);

            // A comment typed into the open file: it is published again (new version), the other file is not.
            await client.ChangeAsync(2, [new TextDocumentContentChangeEvent("// note\n", Range.Create(0, 0, 0, 0))], frameworkUri);
            await Fixtures.DiagnosticsAsync(client, frameworkUri, p => p.Version == 2);
            await client.SyncAsync();
            var publishedForOther = client.Notifications.All
                .Count(n => n.Method == LspMethods.PublishDiagnostics && n.Params.GetProperty("uri").GetString() == otherUri);
            Assert.Equal(1, publishedForOther);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Closing_a_library_clears_its_diagnostics()
    {
        const string uri = "file:///workspace/lib/broken.rules";
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.OpenAsync("answers A {\n  yes \"Yes\" positive\n  yes \"Again\"\n}\n", uri);
        var published = await Fixtures.DiagnosticsAsync(client, uri, p => p.Diagnostics.Length > 0);
        Assert.NotEmpty(published.Diagnostics);
        await client.CloseAsync(uri);
        await Fixtures.DiagnosticsAsync(client, uri, p => p.Diagnostics.Length == 0);
    }

    [Fact]
    public async Task Syntax_errors_are_reported_and_the_server_keeps_serving()
    {
        await using var client = await Fixtures.OpenAsync("domain 2 \"x\" {\n  standard 2.1 \"y\" {\n    key_question 2.1.1 \"z\" :\n");
        var published = await Fixtures.DiagnosticsAsync(client, LspTestClient.DefaultUri, p => p.Diagnostics.Length > 0);
        Assert.Contains(published.Diagnostics, d => d.Code!.StartsWith("RL000", StringComparison.Ordinal));
        var hover = await client.RequestAsync<Hover>(LspMethods.Hover, new HoverParams(Fixtures.Document(), new Position(0, 0)));
        Assert.Null(hover);
    }
}
