using System.Text.Json;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Tests;

public class ProtocolSerializationTests
{
    private static string Write<T>(T value) => JsonSerializer.Serialize(value, LspJson.Options);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, LspJson.Options)!;

    [Fact]
    public void Writes_camel_case_numbers_for_enums_and_omits_nulls()
    {
        var diagnostic = new Diagnostic(Range.Create(1, 2, 1, 5), "Unknown answer set 'YesNo' “quoted” 😀.", DiagnosticSeverity.Error, "RL0102", Source: "rules");
        Assert.Equal(
            """{"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":5}},"message":"Unknown answer set 'YesNo' “quoted” \uD83D\uDE00.","severity":1,"code":"RL0102","source":"rules"}""",
            Write(diagnostic));
        Assert.Equal("""{"title":"Run","command":"rules.run"}""", Write(new Command("Run", "rules.run")));
        Assert.Equal("""{"kind":"markdown","value":"**x**"}""", Write(MarkupContent.Markdown("**x**")));
    }

    [Fact]
    public void Reads_a_typical_editor_initialize_request_ignoring_unknown_members()
    {
        var json = """
            {"processId":1234,"clientInfo":{"name":"Visual Studio Code","version":"1.95"},"locale":"en",
             "rootPath":"/w","rootUri":"file:///w","initializationOptions":{"maxNumberOfProblems":5},
             "capabilities":{"workspace":{"configuration":true,"applyEdit":true,"workspaceEdit":{"documentChanges":true}},
               "textDocument":{"hover":{"dynamicRegistration":true,"contentFormat":["markdown","plaintext"]},
                 "completion":{"completionItem":{"snippetSupport":true,"documentationFormat":["markdown"]}}},
               "general":{"positionEncodings":["utf-16"]}},
             "trace":"off","workspaceFolders":[{"uri":"file:///w","name":"w"}]}
            """;
        var parameters = Read<InitializeParams>(json);
        Assert.Equal(1234, parameters.ProcessId);
        Assert.Equal("Visual Studio Code", parameters.ClientInfo!.Name);
        Assert.True(parameters.Capabilities!.Workspace!.Configuration);
        Assert.Equal(["markdown", "plaintext"], parameters.Capabilities.TextDocument!.Hover!.ContentFormat!.Value.ToArray());
        Assert.Equal("w", Assert.Single(parameters.WorkspaceFolders!.Value).Name);
        Assert.Equal(5, parameters.InitializationOptions!.Value.GetProperty("maxNumberOfProblems").GetInt32());
    }

    [Fact]
    public void Null_process_id_and_root_uri_are_accepted()
    {
        var parameters = Read<InitializeParams>("""{"processId":null,"rootUri":null,"capabilities":{}}""");
        Assert.Null(parameters.ProcessId);
        Assert.Null(parameters.RootUri);
    }

    [Fact]
    public void Missing_required_members_are_errors()
    {
        var e = Assert.Throws<JsonException>(() => Read<HoverParams>("""{"position":{"line":0,"character":0}}"""));
        Assert.Contains("textDocument", e.Message);
        Assert.Throws<JsonException>(() => Read<TextDocumentItem>("""{"uri":"file:///a","languageId":"rules","version":1,"text":null}"""));
    }

    [Fact]
    public void Change_events_with_and_without_range_round_trip()
    {
        var parameters = Read<DidChangeTextDocumentParams>("""
            {"textDocument":{"uri":"file:///a","version":2},"contentChanges":[
              {"range":{"start":{"line":0,"character":1},"end":{"line":0,"character":3}},"rangeLength":2,"text":"“x”"},
              {"text":"whole"}]}
            """);
        Assert.Equal(2, parameters.ContentChanges.Length);
        Assert.Equal(Range.Create(0, 1, 0, 3), parameters.ContentChanges[0].Range);
        Assert.Null(parameters.ContentChanges[1].Range);
    }

    [Fact]
    public void Semantic_tokens_are_encoded_relative_to_the_previous_token()
    {
        var tokens = new SemanticTokensBuilder().Push(0, 0, 6, 1).Push(0, 7, 3, 2).Push(2, 4, 5, 0, 1).Build();
        Assert.Equal([0, 0, 6, 1, 0, 0, 7, 3, 2, 0, 2, 4, 5, 0, 1], tokens.Data.ToArray());
        Assert.Throws<ArgumentException>(() => new SemanticTokensBuilder().Push(1, 0, 1, 0).Push(0, 0, 1, 0));
    }
}
