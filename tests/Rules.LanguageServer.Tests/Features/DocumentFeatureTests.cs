using System.Collections.Immutable;
using System.Text.Json;
using Rules.Core.Formatting;
using Rules.Core.Syntax;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests.Features;

public class DocumentFeatureTests
{
    private static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var lines = new Documents.DocumentSnapshot("file:///x.rules", "rules", 1, text);
        foreach (var edit in edits.OrderByDescending(e => lines.GetOffset(e.Range.Start)))
        {
            var start = lines.GetOffset(edit.Range.Start);
            var end = lines.GetOffset(edit.Range.End);
            text = text[..start] + edit.NewText + text[end..];
        }
        return text;
    }

    [Fact]
    public async Task Document_symbols_nest_domain_standard_key_question_prompt()
    {
        var initialize = LspTestClient.DefaultInitializeParams() with
        {
            Capabilities = new ClientCapabilities(TextDocument: new TextDocumentClientCapabilities(
                DocumentSymbol: new DocumentSymbolClientCapabilities(HierarchicalDocumentSymbolSupport: true))),
        };
        await using var client = await LspTestClient.StartInitializedAsync(initialize: initialize);
        await client.OpenAsync(Fixtures.Framework);
        var symbols = await client.RequestAsync<ImmutableArray<DocumentSymbol>>(LspMethods.DocumentSymbol, new DocumentSymbolParams(Fixtures.Document()));
        var domain = Assert.Single(symbols, s => s.Kind == SymbolKind.Namespace);
        var standard = Assert.Single(domain.Children!.Value);
        Assert.StartsWith("2.4 ", standard.Name);
        var keyQuestion = standard.Children!.Value.First(s => s.Name.StartsWith("2.4.1 ", StringComparison.Ordinal));
        Assert.Contains(keyQuestion.Children!.Value, p => p.Name.StartsWith("2.4.1.c ", StringComparison.Ordinal));
        Assert.Contains(symbols, s => s.Name == "NonComplianceRisks" && s.Children!.Value.Any(o => o.Name == "none"));
        Assert.Contains(symbols, s => s.Name == "Rating" && s.Kind == SymbolKind.Enum);
        Assert.Contains(symbols, s => s.Name == "case" && s.Children!.Value.Any(f => f.Name == "rosh"));
        Assert.Contains(symbols, s => s.Name == "age_group");
        Assert.Contains(symbols, s => s.Kind == SymbolKind.Function && s.Name.StartsWith("Enforcement", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Document_symbols_are_flat_for_clients_without_hierarchy()
    {
        await using var client = await Fixtures.OpenAsync(Fixtures.Framework);
        var symbols = await client.RequestAsync<ImmutableArray<SymbolInformation>>(LspMethods.DocumentSymbol, new DocumentSymbolParams(Fixtures.Document()));
        Assert.Contains(symbols, s => s.Name.StartsWith("2.4.1.c ", StringComparison.Ordinal) && s.ContainerName!.StartsWith("2.4.1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Formatting_is_identical_to_rules_fmt()
    {
        var messy = Fixtures.Framework.Replace("  version \"2021.2\"", "version    \"2021.2\"").Replace("    summary", "        summary");
        await using var client = await Fixtures.OpenAsync(messy);
        var edits = await client.RequestAsync<ImmutableArray<TextEdit>>(LspMethods.Formatting, new DocumentFormattingParams(Fixtures.Document(), new FormattingOptions(2, true)));
        Assert.Equal(Formatter.Format(SyntaxTree.Parse(messy, "/workspace/test.rules")), Apply(messy, edits));
    }

    [Fact]
    public async Task Formatting_a_document_with_syntax_errors_changes_nothing()
    {
        await using var client = await Fixtures.OpenAsync("domain 2 \"x\" {\n   standard");
        var edits = await client.RequestAsync<ImmutableArray<TextEdit>>(LspMethods.Formatting, new DocumentFormattingParams(Fixtures.Document(), new FormattingOptions(2, true)));
        Assert.Empty(edits);
    }

    [Fact]
    public async Task Range_formatting_changes_only_lines_in_the_range()
    {
        var messy = Fixtures.Framework.Replace("  version \"2021.2\"", "version    \"2021.2\"").Replace("    summary", "        summary");
        await using var client = await Fixtures.OpenAsync(messy);
        var edits = await client.RequestAsync<ImmutableArray<TextEdit>>(LspMethods.RangeFormatting,
            new DocumentRangeFormattingParams(Fixtures.Document(), Range.Create(0, 0, 2, 0), new FormattingOptions(2, true)));
        var edit = Assert.Single(edits);
        Assert.Equal(1, edit.Range.Start.Line);
        Assert.Equal("  version \"2021.2\"", edit.NewText);
    }

    [Fact]
    public async Task Folding_covers_blocks_multi_line_strings_and_comment_runs()
    {
        var text = "// one\n// two\n// three\n" + Fixtures.Framework;
        await using var client = await Fixtures.OpenAsync(text);
        var ranges = await client.RequestAsync<ImmutableArray<FoldingRange>>(LspMethods.FoldingRange, new FoldingRangeParams(Fixtures.Document()));
        Assert.Contains(ranges, r => r.StartLine == 0 && r.EndLine == 2 && r.Kind == FoldingRangeKind.Comment);
        Assert.Contains(ranges, r => r.StartLine == 3); // framework { ... }
        var lines = text.Split('\n');
        var guidance = Array.FindIndex(lines, l => l.Contains("guidance \"\"\"", StringComparison.Ordinal));
        Assert.Contains(ranges, r => r.StartLine == guidance && r.EndLine == guidance + 2);
        var domain = Array.FindIndex(lines, l => l.StartsWith("domain 2", StringComparison.Ordinal));
        Assert.Contains(ranges, r => r.StartLine == domain);
    }

    private static List<(int Line, int Character, int Length, string Type)> Decode(SemanticTokens tokens)
    {
        var result = new List<(int, int, int, string)>();
        int line = 0, character = 0;
        for (var i = 0; i < tokens.Data.Length; i += 5)
        {
            line += tokens.Data[i];
            character = tokens.Data[i] == 0 ? character + tokens.Data[i + 1] : tokens.Data[i + 1];
            result.Add((line, character, tokens.Data[i + 2], SemanticClassifier.TokenTypes[tokens.Data[i + 3]]));
        }
        return result;
    }

    [Fact]
    public async Task Semantic_tokens_classify_codes_options_fields_keywords_and_comments()
    {
        var text = Fixtures.Framework.Replace("when 2.4.1.c != none", "when 2.4.1.c != none // 😀 “quoted”");
        await using var client = await Fixtures.OpenAsync(text);
        var legend = client.InitializeResult!.Capabilities.SemanticTokensProvider!.Legend;
        Assert.Equal(string.Join(",", SemanticClassifier.TokenTypes), string.Join(",", legend.TokenTypes));
        var tokens = Decode((await client.RequestAsync<SemanticTokens>(LspMethods.SemanticTokensFull, new SemanticTokensParams(Fixtures.Document())))!);
        var lines = text.Split('\n');
        string TypeOf(string needle, int lineContains = -1)
        {
            var line = Array.FindIndex(lines, l => l.Contains(needle, StringComparison.Ordinal) && (lineContains < 0 || true));
            var character = lines[line].IndexOf(needle, StringComparison.Ordinal);
            return tokens.Single(t => t.Line == line && t.Character == character).Type;
        }
        Assert.Equal("keyword", TypeOf("when 2.4.1.c"));
        Assert.Equal("variable", TypeOf("2.4.1.c != none"));
        Assert.Equal("enumMember", TypeOf("none // "));
        Assert.Equal("operator", TypeOf("!= none"));
        Assert.Equal("comment", TypeOf("// 😀"));
        Assert.Equal("property", TypeOf("harm_indicators"));
        Assert.Equal("function", TypeOf("none(2.4.1.*"));
        Assert.Equal("string", TypeOf("\"Yes\" positive"));
        Assert.Equal("number", TypeOf("3 from 80"));
        Assert.Equal("enum", TypeOf("YesNo {"));
        var commentLine = Array.FindIndex(lines, l => l.Contains("// 😀", StringComparison.Ordinal));
        var comment = tokens.Single(t => t.Line == commentLine && t.Type == "comment");
        Assert.Equal("// 😀 “quoted”".Length, comment.Length); // UTF-16 length: 😀 counts 2

        var range = Decode((await client.RequestAsync<SemanticTokens>(LspMethods.SemanticTokensRange,
            new SemanticTokensRangeParams(Fixtures.Document(), Range.Create(commentLine, 0, commentLine + 1, 0))))!);
        Assert.All(range, t => Assert.Equal(commentLine, t.Line));
        Assert.Contains(range, t => t.Type == "comment");
    }

    [Fact]
    public async Task Quick_fix_replaces_with_the_suggestion()
    {
        var text = Fixtures.Framework.Replace("when 2.4.1.c != none", "when 2.4.1.c != nonee");
        await using var client = await Fixtures.OpenAsync(text);
        var diagnostic = (await Fixtures.DiagnosticsAsync(client, LspTestClient.DefaultUri, p => p.Diagnostics.Length > 0)).Diagnostics[0];
        var actions = await client.RequestAsync<ImmutableArray<CodeAction>>(LspMethods.CodeAction,
            new CodeActionParams(Fixtures.Document(), diagnostic.Range, new CodeActionContext([diagnostic])));
        var action = Assert.Single(actions);
        Assert.Equal("Change to 'none'", action.Title);
        Assert.Equal(Fixtures.Framework, Apply(text, action.Edit!.Changes![LspTestClient.DefaultUri]));
    }

    [Theory]
    [InlineData("      prompt b \"Is sufficient", "      promt b \"Is sufficient", "Change to 'prompt'")]
    [InlineData("when 2.4.1 == yes and none(", "when 2.4.1 = yes and none(", "Change to '=='")]
    [InlineData("when 2.4.1.c != none", "when 2.4.1.c != \"none\"", "Change to 'none'")]
    [InlineData("\"Is enforcement action taken when appropriate?\"", "“Is enforcement action taken when appropriate?”", "Use straight quotes (\")")]
    [InlineData("when appropriate?\" : YesNo", "when appropriate?\" : YesNo;", "Remove it")]
    public async Task Quick_fix_mends_a_slip(string original, string mistake, string title)
    {
        var text = Fixtures.Framework.Replace(original, mistake);
        await using var client = await Fixtures.OpenAsync(text);
        var diagnostic = (await Fixtures.DiagnosticsAsync(client, LspTestClient.DefaultUri, p => p.Diagnostics.Length > 0))
            .Diagnostics.First(d => DiagnosticConverter.SuggestionOf(d) is not null);
        var actions = await client.RequestAsync<ImmutableArray<CodeAction>>(LspMethods.CodeAction,
            new CodeActionParams(Fixtures.Document(), diagnostic.Range, new CodeActionContext([diagnostic])));
        var action = Assert.Single(actions);
        Assert.Equal(title, action.Title);
        var fixedText = Apply(text, action.Edit!.Changes![LspTestClient.DefaultUri]);
        Assert.Equal(Fixtures.Framework, fixedText);
    }

    [Fact]
    public async Task Quick_fix_adds_a_missing_option_to_the_answer_set()
    {
        var text = Fixtures.Framework.Replace("when 2.4.1.c != none", "when 2.4.1.c != partly");
        await using var client = await Fixtures.OpenAsync(text);
        var diagnostic = (await Fixtures.DiagnosticsAsync(client, LspTestClient.DefaultUri, p => p.Diagnostics.Length > 0)).Diagnostics.Single(d => d.Code == "RL0105");
        var actions = await client.RequestAsync<ImmutableArray<CodeAction>>(LspMethods.CodeAction,
            new CodeActionParams(Fixtures.Document(), diagnostic.Range, new CodeActionContext([diagnostic])));
        var action = Assert.Single(actions);
        Assert.Equal("Add option 'partly' to answer set 'NonComplianceRisks'", action.Title);
        var fixedText = Apply(text, action.Edit!.Changes![LspTestClient.DefaultUri]);
        Assert.Contains("  none   \"There were no risks of non-compliance\" not_applicable\n  partly \"Partly\"\n}", fixedText);
    }

    [Fact]
    public async Task Quick_fix_removes_an_unused_answer_set()
    {
        var text = Fixtures.Framework.Replace("answers YesNo {", "answers Unused {\n  a \"A\" positive\n}\n\nanswers YesNo {");
        await using var client = await Fixtures.OpenAsync(text);
        var diagnostic = (await Fixtures.DiagnosticsAsync(client, LspTestClient.DefaultUri, p => p.Diagnostics.Length > 0)).Diagnostics.Single(d => d.Code == "RL0401");
        var actions = await client.RequestAsync<ImmutableArray<CodeAction>>(LspMethods.CodeAction,
            new CodeActionParams(Fixtures.Document(), diagnostic.Range, new CodeActionContext([diagnostic])));
        var action = Assert.Single(actions);
        Assert.Equal(Fixtures.Framework, Apply(text, action.Edit!.Changes![LspTestClient.DefaultUri]));
    }

    [Fact]
    public async Task Code_lens_shows_whether_each_test_passes()
    {
        var failing = Fixtures.Framework + "\ntest \"wrong\" {\n  case { type: community, rosh: low, harm_indicators: false }\n  answers { 2.4.1: no, 2.4.1.a: yes, 2.4.1.b: yes, 2.4.1.c: none, 2.4.2: no }\n  expect 2.4.1 positive\n}\n";
        await using var client = await Fixtures.OpenAsync(failing);
        var lenses = await client.RequestAsync<ImmutableArray<CodeLens>>(LspMethods.CodeLens, new CodeLensParams(Fixtures.Document()));
        Assert.Equal(2, lenses.Length);
        Assert.Equal("✓ passes", lenses[0].Command!.Title);
        Assert.StartsWith("✗ fails", lenses[1].Command!.Title);
    }

    [Fact]
    public async Task Inlay_hints_show_option_labels_in_conditions()
    {
        await using var client = await Fixtures.OpenAsync(Fixtures.Framework);
        var lines = Fixtures.Framework.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("2.4.1.c != none", StringComparison.Ordinal));
        var hints = await client.RequestAsync<ImmutableArray<InlayHint>>(LspMethods.InlayHint, new InlayHintParams(Fixtures.Document(), Range.Create(line, 0, line + 1, 0)));
        var hint = Assert.Single(hints);
        Assert.Equal("“There were no risks of non-compliance”", hint.Label);
        Assert.Equal(new Position(line, lines[line].Length), hint.Position);
    }
}
