using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests.Features;

public class CompletionTests
{
    [Fact]
    public async Task Inside_an_import_path_the_library_files_are_offered_relative_to_the_document()
    {
        await using var client = await Fixtures.OpenFrameworkImportingLibraryAsync();
        // `import "../common/answers.rules"`: the cursor after `../`.
        var list = await client.RequestAsync<CompletionList>(LspMethods.Completion,
            new CompletionParams(new TextDocumentIdentifier(Fixtures.ImportingFramework), new Position(0, 11)));
        var item = Assert.Single(list!.Items); // the framework's own file is not a library
        Assert.Equal(("../common/answers.rules", CompletionItemKind.File), (item.Label, item.Kind));
        Assert.Equal(Range.Create(0, 8, 0, 31), item.TextEdit!.Range); // what is between the quotes

        // After the closing quote the cursor is outside the path: no file is offered there.
        var after = await client.RequestAsync<CompletionList>(LspMethods.Completion,
            new CompletionParams(new TextDocumentIdentifier(Fixtures.ImportingFramework), new Position(0, 32)));
        Assert.DoesNotContain(after!.Items, i => i.Kind == CompletionItemKind.File);
    }

    private static async Task<string[]> LabelsAsync(TestSource source, InitializeParams? initialize = null)
    {
        await using var client = await LspTestClient.StartInitializedAsync(initialize: initialize);
        await client.OpenAsync(source.Text);
        var list = await client.RequestAsync<CompletionList>(LspMethods.Completion, new CompletionParams(Fixtures.Document(), source.Position));
        return [.. list!.Items.Select(i => i.Label)];
    }

    [Fact]
    public async Task Options_of_the_question_left_of_a_comparison()
    {
        var labels = await LabelsAsync(Fixtures.WithCursor("2.4.1.c != none", shift: 11));
        Assert.Equal(["yes", "should", "none"], labels);
    }

    [Fact]
    public async Task Values_inside_braces_after_in()
    {
        var text = Fixtures.Framework.Replace("when case.harm_indicators", "when case.rosh in {high, $$}");
        Assert.Equal(["low", "medium", "high", "very_high"], await LabelsAsync(TestSource.Parse(text)));
    }

    [Fact]
    public async Task Fields_after_case_dot()
    {
        var text = Fixtures.Framework.Replace("when case.harm_indicators", "when case.$$");
        var labels = await LabelsAsync(TestSource.Parse(text));
        Assert.Equal(["type", "rosh", "reoffending", "age", "harm_indicators", "requirements"], labels);
    }

    [Fact]
    public async Task Answer_sets_after_the_colon_of_a_question()
    {
        var text = Fixtures.Framework.Replace("effectively support the person on probation's desistance?\" : YesNo", "effectively support the person on probation's desistance?\" : $$");
        Assert.Equal(["YesNo", "StartedPromptly", "NonComplianceRisks"], await LabelsAsync(TestSource.Parse(text)));
    }

    [Fact]
    public async Task Outcomes_after_is()
    {
        var labels = await LabelsAsync(Fixtures.WithCursor("positive)", shift: 0));
        Assert.Equal(["positive", "negative", "not_applicable", "answered"], labels);
    }

    [Fact]
    public async Task Codes_and_functions_in_a_condition()
    {
        var labels = await LabelsAsync(Fixtures.WithCursor("2.4.1.c != none", shift: 0));
        Assert.Contains("2.4.1.c", labels);
        Assert.Contains("2.4.3.a", labels);
        Assert.Contains("count", labels);
        Assert.Contains("case", labels);
        Assert.DoesNotContain("standard", labels);
    }

    [Fact]
    public async Task Codes_and_options_in_test_answers()
    {
        Assert.Contains("2.4.1.d", await LabelsAsync(Fixtures.WithCursor("2.4.1.a: yes", shift: 0)));
        Assert.Equal(["yes", "should", "noncompliance"], await LabelsAsync(Fixtures.WithCursor("2.4.1.a: yes", shift: 9)));
    }

    [Fact]
    public async Task Field_values_in_a_test_case()
    {
        Assert.Equal(["community", "post_release"], await LabelsAsync(Fixtures.WithCursor("type: community", shift: 6)));
    }

    [Fact]
    public async Task Expectations_after_a_code()
    {
        var text = Fixtures.Framework.Replace("expect 2.4.3 not applicable", "expect 2.4.3 $$");
        Assert.Equal(["applicable", "not applicable", "positive", "negative"], await LabelsAsync(TestSource.Parse(text)));
    }

    [Theory]
    [InlineData("    rated by lowest key_question\n", "    $$\n", "key_question")]
    [InlineData("      prompt b", "      $$\n      prompt b", "prompt")]
    [InlineData("  version \"2021.2\"\n", "  $$\n", "overall")]
    [InlineData("  expect valid\n}\n", "\n$$\n", "domain")]
    [InlineData("  expect valid\n", "  $$\n", "expect")]
    public async Task Keywords_by_enclosing_block(string find, string replace, string expected)
    {
        var labels = await LabelsAsync(TestSource.Parse(Fixtures.Framework.Replace(find, find + replace)));
        Assert.Contains(expected, labels);
    }

    [Fact]
    public async Task Snippets_for_declarations_when_the_client_supports_them()
    {
        var initialize = LspTestClient.DefaultInitializeParams() with
        {
            Capabilities = new ClientCapabilities(TextDocument: new TextDocumentClientCapabilities(
                Completion: new CompletionClientCapabilities(new CompletionItemClientCapabilities(SnippetSupport: true)))),
        };
        var labels = await LabelsAsync(TestSource.Parse(Fixtures.Framework.Replace("      prompt b", "      $$\n      prompt b")), initialize);
        Assert.Contains("prompt …", labels);
        Assert.Contains("check …", labels);
    }

    [Fact]
    public async Task No_completion_inside_a_comment_or_string()
    {
        Assert.Empty(await LabelsAsync(Fixtures.WithCursor("sum of the rated", shift: 3)));
        Assert.Empty(await LabelsAsync(Fixtures.WithCursor("Risk of serious harm\"", shift: 5)));
    }
}
