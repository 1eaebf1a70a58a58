using System.Collections.Immutable;
using System.Text;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests.Features;

/// <summary>
/// Renaming codes: a key question's code is part of its prompts' codes and of its wildcard <c>2.4.1.*</c>; a
/// standard's code is part of its key questions' codes; a domain's number is part of its standards' codes. So
/// renaming a code rewrites every code derived from it, declarations and references, in every file.
/// </summary>
public class RenameTests
{
    [Fact]
    public async Task Rename_of_a_key_question_rewrites_its_wildcard_references()
    {
        var source = Fixtures.WithCursor("key_question 2.4.1", shift: 14);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var renamed = await RenameAsync(client, source, "2.4.9");
        Assert.Contains("key_question 2.4.9 ", renamed);
        Assert.Contains("when 2.4.9 == yes and none(2.4.9.* is positive)", renamed);
        Assert.Contains("when 2.4.9.c != none", renamed);
        Assert.Contains("answers { 2.4.9: yes, 2.4.9.a: yes, 2.4.9.b: yes, 2.4.9.c: none, 2.4.2: no }", renamed);
        Assert.Contains("expect 2.4.9.d not applicable", renamed);
        Assert.DoesNotContain("2.4.1", renamed);
        // 2.4.9 before 2.4.2 is only out of order (a warning); nothing is left unresolved.
        await AssertCompilesAsync(client, renamed, errorsOnly: true);
    }

    [Theory]
    [InlineData("any(2.4.1.* is positive)")]
    [InlineData("all(2.4.1.* == yes)")]
    [InlineData("count(2.4.1.* is answered) >= 2")]
    public async Task Rename_from_a_wildcard_renames_the_key_question(string aggregate)
    {
        var text = Fixtures.Framework.Replace("none(2.4.1.* is positive)", aggregate);
        var source = Fixtures.WithCursor(aggregate[..aggregate.IndexOf('(')] + "(2.4.1.*", shift: aggregate.IndexOf('(') + 3, text: text);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var prepare = await client.RequestAsync<PrepareRenameResult>(LspMethods.PrepareRename, new PrepareRenameParams(Fixtures.Document(), source.Position));
        Assert.Equal("2.4.1", prepare!.Placeholder);
        Assert.Equal("2.4.1", Fixtures.TextAt(source.Text, prepare.Range));

        var renamed = await RenameAsync(client, source, "2.4.7");
        Assert.Contains(aggregate.Replace("2.4.1", "2.4.7"), renamed);
        Assert.Contains("key_question 2.4.7 ", renamed);
        Assert.DoesNotContain("2.4.1", renamed);
    }

    [Theory]
    [InlineData(5)] // 2.4.1|.*
    [InlineData(6)] // 2.4.1.|*
    [InlineData(7)] // 2.4.1.*|
    public async Task Rename_on_the_star_of_a_wildcard_renames_the_key_question(int shift)
    {
        var source = Fixtures.WithCursor("2.4.1.* is positive", shift);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var prepare = await client.RequestAsync<PrepareRenameResult>(LspMethods.PrepareRename, new PrepareRenameParams(Fixtures.Document(), source.Position));
        Assert.Equal("2.4.1", prepare!.Placeholder);
        Assert.Equal("2.4.1", Fixtures.TextAt(source.Text, prepare.Range));
        var renamed = await RenameAsync(client, source, "2.4.8");
        Assert.Contains("none(2.4.8.* is positive)", renamed);
        Assert.DoesNotContain("2.4.1", renamed);
    }

    [Fact]
    public async Task Rename_of_a_standard_code_rewrites_its_key_questions_and_every_reference_to_them()
    {
        var source = Fixtures.WithCursor("standard 2.4", shift: 10);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var prepare = await client.RequestAsync<PrepareRenameResult>(LspMethods.PrepareRename, new PrepareRenameParams(Fixtures.Document(), source.Position));
        Assert.Equal("2.4", prepare!.Placeholder);
        Assert.Equal("2.4", Fixtures.TextAt(source.Text, prepare.Range));

        var renamed = await RenameAsync(client, source, "2.5");
        Assert.Contains("standard 2.5 \"Implementation and delivery\"", renamed);
        Assert.Contains("key_question 2.5.1 ", renamed);
        Assert.Contains("key_question 2.5.2 ", renamed);
        Assert.Contains("key_question 2.5.3 ", renamed);
        Assert.Contains("when 2.5.1 == yes and none(2.5.1.* is positive)", renamed);
        Assert.Contains("when 2.5.1.c != none", renamed);
        Assert.Contains("answers { 2.5.1: yes, 2.5.1.a: yes, 2.5.1.b: yes, 2.5.1.c: none, 2.5.2: no }", renamed);
        Assert.Contains("expect 2.5.1.d not applicable", renamed);
        Assert.Contains("expect 2.5.3 not applicable", renamed);
        Assert.DoesNotContain("2.4", renamed);
        await AssertCompilesAsync(client, renamed);
    }

    [Fact]
    public async Task Rename_of_a_domain_number_rewrites_its_standards_key_questions_and_references()
    {
        var source = Fixtures.WithCursor("domain 2", shift: 7);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var prepare = await client.RequestAsync<PrepareRenameResult>(LspMethods.PrepareRename, new PrepareRenameParams(Fixtures.Document(), source.Position));
        Assert.Equal("2", prepare!.Placeholder);

        var renamed = await RenameAsync(client, source, "3");
        Assert.Contains("domain 3 \"Case supervision\"", renamed);
        Assert.Contains("standard 3.4 ", renamed);
        Assert.Contains("key_question 3.4.1 ", renamed);
        Assert.Contains("none(3.4.1.* is positive)", renamed);
        Assert.Contains("answers { 3.4.1: yes, 3.4.1.a: yes, 3.4.1.b: yes, 3.4.1.c: none, 3.4.2: no }", renamed);
        Assert.Contains("expect 3.4.3 not applicable", renamed);
        Assert.DoesNotContain("2.4", renamed);
        Assert.Contains("version \"2021.2\"", renamed);
        await AssertCompilesAsync(client, renamed);
    }

    [Fact]
    public async Task Rename_of_a_domain_renames_every_block_of_it()
    {
        var text = Fixtures.Framework.Replace("breakdown rosh_level",
            "domain 2 \"Case supervision\" {\n  standard 2.6 \"More\" {\n    not rated\n    key_question 2.6.1 \"More?\" : YesNo\n  }\n}\n\nbreakdown rosh_level");
        var source = Fixtures.WithCursor("domain 2", shift: 7, occurrence: 1, text: text);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var renamed = await RenameAsync(client, source, "7");
        Assert.Equal(2, renamed.Split("domain 7 \"Case supervision\"").Length - 1);
        Assert.Contains("standard 7.4 ", renamed);
        Assert.Contains("standard 7.6 ", renamed);
        Assert.Contains("key_question 7.6.1 ", renamed);
        Assert.DoesNotContain("2.4", renamed);
        Assert.DoesNotContain("2.6", renamed);
    }

    [Fact]
    public async Task References_on_the_star_of_a_wildcard_are_the_key_question_s()
    {
        var source = Fixtures.WithCursor("2.4.1.* is positive", shift: 6);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var locations = await client.RequestAsync<ImmutableArray<Location>>(LspMethods.References,
            new ReferenceParams(Fixtures.Document(), source.Position, new ReferenceContext(true)));
        Assert.Contains(locations, l => source.Text.Split('\n')[l.Range.Start.Line].Contains("key_question 2.4.1", StringComparison.Ordinal));
        Assert.All(locations, l => Assert.Equal("2.4.1", Fixtures.TextAt(source.Text, l.Range)));
    }

    [Theory]
    [InlineData("standard 2.4", 10, "3.4", "must start with the number of its domain, 2")]
    [InlineData("standard 2.4", 10, "2.4.1", "not a standard code")]
    [InlineData("standard 2.4", 10, "2.x", "not a standard code")]
    [InlineData("standard 2.4", 10, "2.6", "already used by standard 2.6")]
    [InlineData("standard 2.4", 10, "2.5", "would make key question 2.4.1 2.5.1, which is already used by key question 2.5.1")]
    [InlineData("domain 2", 7, "2.1", "not a domain number")]
    [InlineData("domain 2", 7, "5", "already used by domain 5")]
    [InlineData("key_question 2.4.1", 14, "2.5.1", "must start with the code of its standard, 2.4")]
    public async Task Rename_of_a_code_refuses_codes_that_do_not_fit(string needle, int shift, string newName, string message)
    {
        var text = Fixtures.Framework
            .Replace("breakdown rosh_level", "domain 5 \"Other\" {\n  standard 5.1 \"Other\" {\n    not rated\n  }\n}\n\nbreakdown rosh_level")
            .Replace("  }\n}\n\nbreakdown", "  }\n\n  standard 2.6 \"More\" {\n    not rated\n    key_question 2.5.1 \"Misplaced\" : YesNo\n  }\n}\n\nbreakdown");
        var source = Fixtures.WithCursor(needle, shift, text: text);
        await using var client = await Fixtures.OpenAsync(source.Text);
        var error = await client.RequestErrorAsync(LspMethods.Rename, new RenameParams(Fixtures.Document(), source.Position, newName));
        Assert.Equal(JsonRpcErrorCodes.RequestFailed, error.Code);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Rename_of_a_standard_rewrites_the_codes_in_every_file_of_the_framework()
    {
        var folder = Directory.CreateTempSubdirectory("rules-rename-");
        try
        {
            var framework = Fixtures.Framework;
            var domainStart = framework.IndexOf("domain 2", StringComparison.Ordinal);
            var breakdownStart = framework.IndexOf("breakdown rosh_level", StringComparison.Ordinal);
            var testStart = framework.IndexOf("test \"", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder.FullName, "rules.json"), "{}");
            File.WriteAllText(Path.Combine(folder.FullName, "framework.rules"), framework[..domainStart] + framework[breakdownStart..testStart]);
            var domainPath = Path.Combine(folder.FullName, "domain2.rules");
            File.WriteAllText(domainPath, framework[domainStart..breakdownStart]);
            var testsPath = Path.Combine(folder.FullName, "tests.rules");
            File.WriteAllText(testsPath, framework[testStart..]);

            var domainText = File.ReadAllText(domainPath);
            var source = Fixtures.WithCursor("standard 2.4", shift: 10, text: domainText);
            var domainUri = DocumentUris.FromFilePath(domainPath);
            await using var client = await Fixtures.OpenAsync(source.Text, domainUri);
            var published = await Fixtures.DiagnosticsAsync(client, domainUri);
            Assert.Empty(published.Diagnostics);

            var edit = await client.RequestAsync<WorkspaceEdit>(LspMethods.Rename, new RenameParams(Fixtures.Document(domainUri), source.Position, "2.5"));
            var changes = edit!.Changes!;
            Assert.Equal(2, changes.Count);
            var renamedDomain = Apply(source.Text, changes[domainUri]);
            var renamedTests = Apply(File.ReadAllText(testsPath), changes[DocumentUris.FromFilePath(testsPath)]);
            Assert.DoesNotContain("2.4", renamedDomain);
            Assert.Contains("standard 2.5 ", renamedDomain);
            Assert.Contains("answers { 2.5.1: yes, 2.5.1.a: yes, 2.5.1.b: yes, 2.5.1.c: none, 2.5.2: no }", renamedTests);
            Assert.Contains("expect 2.5.3 not applicable", renamedTests);
            Assert.DoesNotContain("2.4", renamedTests);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> RenameAsync(LspTestClient client, TestSource source, string newName)
    {
        var edit = await client.RequestAsync<WorkspaceEdit>(LspMethods.Rename, new RenameParams(Fixtures.Document(), source.Position, newName));
        var changes = edit!.Changes!;
        Assert.Equal([LspTestClient.DefaultUri], changes.Keys);
        return Apply(source.Text, changes[LspTestClient.DefaultUri]);
    }

    /// <summary>The renamed document compiles without diagnostics (so no code was left behind or broken).</summary>
    private static async Task AssertCompilesAsync(LspTestClient client, string renamed, bool errorsOnly = false)
    {
        await client.ChangeAsync(2, [new TextDocumentContentChangeEvent(renamed)]);
        var published = await Fixtures.DiagnosticsAsync(client, LspTestClient.DefaultUri, p => p.Version == 2);
        var diagnostics = published.Diagnostics.Where(d => !errorsOnly || d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(diagnostics.Count == 0,
            "The renamed text has diagnostics: " + string.Join("; ", diagnostics.Select(d => $"{d.Range.Start.Line + 1}: {d.Message}")));
    }

    /// <summary>Applies non-overlapping edits (LSP ranges, one line each) to a text.</summary>
    internal static string Apply(string text, ImmutableArray<TextEdit> edits)
    {
        var lines = new Documents.DocumentSnapshot("file:///apply.rules", "rules", 1, text);
        var ordered = edits.Select(e => (Start: lines.GetOffset(e.Range.Start), End: lines.GetOffset(e.Range.End), e.NewText))
            .OrderByDescending(e => e.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
            Assert.True(ordered[i].End <= ordered[i - 1].Start, "The rename's edits overlap.");
        var result = new StringBuilder(text);
        foreach (var (start, end, newText) in ordered)
            result.Remove(start, end - start).Insert(start, newText);
        return result.ToString();
    }
}
