using System.Collections.Immutable;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests.Features;

public class NavigationTests
{
    [Fact]
    public async Task Hover_on_a_prompt_reference_shows_text_answers_and_condition()
    {
        var source = Fixtures.WithCursor("2.4.1.c != none", shift: 3);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var hover = await client.RequestAsync<Hover>(LspMethods.Hover, new HoverParams(Fixtures.Document(), source.Position));
        Assert.NotNull(hover);
        Assert.Equal(MarkupKind.Markdown, hover.Contents.Kind);
        Assert.Contains("risks of non-compliance identified", hover.Contents.Value);
        Assert.Contains("`none` \"There were no risks of non-compliance\" — not applicable", hover.Contents.Value);
        Assert.Equal("2.4.1.c", Fixtures.TextAt(source.Text, hover.Range!));
    }

    [Theory]
    [InlineData("Rating\n  overall", 1, "score 3, from 80%")]
    [InlineData("harm_indicators \"", 0, "Type: `boolean`")]
    [InlineData("key_question 2.4.3", 14, "Applies when")]
    [InlineData("2.4.3 \"Does", 0, "Guidance:")]
    [InlineData("standard 2.4", 10, "rated by the lowest key question")]
    [InlineData("StartedPromptly {", 2, "`should` \"No, and should have done\" — negative")]
    public async Task Hover_describes_each_kind_of_symbol(string needle, int shift, string expected)
    {
        var source = Fixtures.WithCursor(needle, shift);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var hover = await client.RequestAsync<Hover>(LspMethods.Hover, new HoverParams(Fixtures.Document(), source.Position));
        Assert.NotNull(hover);
        Assert.Contains(expected, hover.Contents.Value);
    }

    [Fact]
    public async Task Definition_goes_to_the_declaration()
    {
        var source = Fixtures.WithCursor("2.4.1.c != none", shift: 12);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var location = await client.RequestAsync<Location>(LspMethods.Definition, new DefinitionParams(Fixtures.Document(), source.Position));
        Assert.NotNull(location);
        Assert.Equal(LspTestClient.DefaultUri, location.Uri);
        var line = source.Text.Split('\n')[location.Range.Start.Line];
        Assert.Contains("none   \"There were no risks of non-compliance\"", line);
    }

    [Fact]
    public async Task Definition_on_an_import_path_opens_the_imported_file()
    {
        await using var client = await Fixtures.OpenFrameworkImportingLibraryAsync();
        // The framework's first line is `import "../common/answers.rules"`: the cursor inside the path.
        var location = await client.RequestAsync<Location>(LspMethods.Definition,
            new DefinitionParams(new TextDocumentIdentifier(Fixtures.ImportingFramework), new Position(0, 20)));
        Assert.NotNull(location);
        Assert.Equal((Fixtures.Library, 0, 0), (location.Uri, location.Range.Start.Line, location.Range.Start.Character));

        // Elsewhere on the line (the keyword) there is nothing to go to.
        var none = await client.RequestAsync<Location>(LspMethods.Definition,
            new DefinitionParams(new TextDocumentIdentifier(Fixtures.ImportingFramework), new Position(0, 2)));
        Assert.Null(none);
    }

    [Fact]
    public async Task Hover_on_an_import_path_says_what_the_library_brings_in()
    {
        await using var client = await Fixtures.OpenFrameworkImportingLibraryAsync();
        var hover = await client.RequestAsync<Hover>(LspMethods.Hover,
            new HoverParams(new TextDocumentIdentifier(Fixtures.ImportingFramework), new Position(0, 20)));
        Assert.NotNull(hover);
        Assert.Equal("Library file `common/answers.rules` brings in answer sets `YesNo`.", hover.Contents.Value);
        Assert.Equal(Range.Create(0, 7, 0, 32), hover.Range);
    }

    [Fact]
    public async Task References_of_an_option_are_semantic_not_textual()
    {
        // `none` of NonComplianceRisks: its declaration, `2.4.1.c != none` and the test answer `2.4.1.c: none`
        // — not the aggregate function none(...).
        var source = Fixtures.WithCursor("none   \"There were", shift: 1);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var locations = await client.RequestAsync<ImmutableArray<Location>>(LspMethods.References,
            new ReferenceParams(Fixtures.Document(), source.Position, new ReferenceContext(true)));
        Assert.Equal(3, locations.Length);
        Assert.All(locations, l => Assert.Equal("none", Fixtures.TextAt(source.Text, l.Range)));
        var withoutDeclaration = await client.RequestAsync<ImmutableArray<Location>>(LspMethods.References,
            new ReferenceParams(Fixtures.Document(), source.Position, new ReferenceContext(false)));
        Assert.Equal(2, withoutDeclaration.Length);
    }

    [Fact]
    public async Task Document_highlight_marks_the_declaration_as_write_and_uses_as_read()
    {
        var source = Fixtures.WithCursor("YesNo {", shift: 1);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var highlights = await client.RequestAsync<ImmutableArray<DocumentHighlight>>(LspMethods.DocumentHighlight,
            new DocumentHighlightParams(Fixtures.Document(), source.Position));
        Assert.Equal(source.Text.Split("YesNo").Length - 1, highlights.Length);
        Assert.Single(highlights, h => h.Kind == DocumentHighlightKind.Write);
    }

    [Fact]
    public async Task Rename_of_an_option_leaves_other_answer_sets_alone()
    {
        var source = Fixtures.WithCursor("none   \"There were", shift: 1);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var edit = await client.RequestAsync<WorkspaceEdit>(LspMethods.Rename, new RenameParams(Fixtures.Document(), source.Position, "no_risks"));
        var edits = edit!.Changes![LspTestClient.DefaultUri];
        Assert.Equal(3, edits.Length);
        Assert.All(edits, e => Assert.Equal("none", Fixtures.TextAt(source.Text, e.Range)));
        Assert.DoesNotContain(edits, e => source.Text.Split('\n')[e.Range.Start.Line].Contains("none(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rename_of_a_prompt_letter_updates_its_codes()
    {
        var source = Fixtures.WithCursor("prompt c", shift: 7);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var prepare = await client.RequestAsync<PrepareRenameResult>(LspMethods.PrepareRename, new PrepareRenameParams(Fixtures.Document(), source.Position));
        Assert.Equal("c", prepare!.Placeholder);
        var edit = await client.RequestAsync<WorkspaceEdit>(LspMethods.Rename, new RenameParams(Fixtures.Document(), source.Position, "e"));
        var edits = edit!.Changes![LspTestClient.DefaultUri];
        Assert.Equal(3, edits.Length); // the declaration, `when 2.4.1.c != none`, the test answer `2.4.1.c: none`
        Assert.All(edits, e => Assert.Equal("c", Fixtures.TextAt(source.Text, e.Range)));
    }

    [Theory]
    [InlineData("not a name", "not a valid name")]
    [InlineData("should", "already used by option 'should'")]
    public async Task Rename_refuses_bad_and_clashing_names(string newName, string message)
    {
        var source = Fixtures.WithCursor("none   \"There were", shift: 1);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var error = await client.RequestErrorAsync(LspMethods.Rename, new RenameParams(Fixtures.Document(), source.Position, newName));
        Assert.Equal(JsonRpcErrorCodes.RequestFailed, error.Code);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Rename_of_a_key_question_code_updates_its_prompts()
    {
        var source = Fixtures.WithCursor("key_question 2.4.1", shift: 14);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var edit = await client.RequestAsync<WorkspaceEdit>(LspMethods.Rename, new RenameParams(Fixtures.Document(), source.Position, "2.4.9"));
        var edits = edit!.Changes![LspTestClient.DefaultUri];
        Assert.All(edits, e => Assert.Equal("2.4.1", Fixtures.TextAt(source.Text, e.Range)));
        Assert.True(edits.Length >= 6);
        var error = await client.RequestErrorAsync(LspMethods.Rename, new RenameParams(Fixtures.Document(), source.Position, "2.4.2"));
        Assert.Contains("already used", error.Message);
    }

    [Fact]
    public async Task Workspace_symbols_are_found_by_code_and_by_words()
    {
        await using var client = await Fixtures.OpenAsync(Fixtures.Framework);
        var byCode = await client.RequestAsync<ImmutableArray<SymbolInformation>>(LspMethods.WorkspaceSymbol, new WorkspaceSymbolParams("2.4.1"));
        Assert.Contains(byCode, s => s.Name.StartsWith("2.4.1.c ", StringComparison.Ordinal));
        var byWords = await client.RequestAsync<ImmutableArray<SymbolInformation>>(LspMethods.WorkspaceSymbol, new WorkspaceSymbolParams("victims protecting"));
        var found = Assert.Single(byWords);
        Assert.StartsWith("2.4.3.a", found.Name);
    }
}

public class UnsavedDocumentTests
{
    [Fact]
    public async Task An_untitled_document_is_checked_and_hovered_as_a_file_of_its_own()
    {
        const string uri = "untitled:Untitled-1";
        var source = Fixtures.WithCursor("2.4.1.c != none", shift: 3, text: Fixtures.Framework.Replace("prompt d \"Is", "prompt d \"😀 “Is”"));
        await using var client = await Fixtures.OpenAsync(source.Text, uri);
        var published = await Fixtures.DiagnosticsAsync(client, uri);
        Assert.Empty(published.Diagnostics);
        var hover = await client.RequestAsync<Hover>(LspMethods.Hover, new HoverParams(Fixtures.Document(uri), source.Position));
        Assert.Equal("2.4.1.c", Fixtures.TextAt(source.Text, hover!.Range!));
    }
}
