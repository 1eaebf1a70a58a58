using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Tests;

/// <summary>
/// The protocol types are read and written with generated metadata (<see cref="LspJsonContext"/>), which keeps
/// reflection out of the server's start-up. These tests keep the context complete and its output identical to
/// what reflection would write and read.
/// </summary>
public class LspJsonContextTests
{
    private static readonly JsonSerializerOptions ReflectionOptions = CreateReflectionOptions();

    private static JsonSerializerOptions CreateReflectionOptions()
    {
        var options = LspJson.CreateOptions();
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }

    public static TheoryData<string> ProtocolRecords()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(LspJson).Assembly.GetTypes()
                     .Where(t => t.Namespace == typeof(LspJson).Namespace && t.IsPublic && IsRecord(t))
                     .OrderBy(t => t.Name, StringComparer.Ordinal))
            data.Add(type.Name);
        return data;
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    [Theory]
    [MemberData(nameof(ProtocolRecords))]
    public void Every_protocol_record_has_generated_metadata(string name)
    {
        var type = typeof(LspJson).Assembly.GetType(typeof(LspJson).Namespace + "." + name)!;
        var info = ((IJsonTypeInfoResolver)LspJsonContext.Default).GetTypeInfo(type, LspJson.Options);
        Assert.True(info is not null, $"Add [JsonSerializable(typeof({name}))] to LspJsonContext.");
    }

    [Fact]
    public void The_initialize_answer_is_written_as_reflection_would()
    {
        var capabilities = new ServerCapabilities(
            PositionEncoding: PositionEncodingKind.Utf16,
            TextDocumentSync: new TextDocumentSyncOptions(OpenClose: true, Change: TextDocumentSyncKind.Incremental),
            HoverProvider: true,
            CompletionProvider: new CompletionOptions(TriggerCharacters: ["."]),
            RenameProvider: new RenameOptions(PrepareProvider: true));
        var result = new InitializeResult(capabilities, new ServerInfo("rules-language-server", "1.0 “é”"));
        Assert.Equal(JsonSerializer.Serialize(result, ReflectionOptions), JsonSerializer.Serialize(result, LspJson.Options));
    }

    [Fact]
    public void Diagnostics_and_edits_are_written_as_reflection_would()
    {
        var diagnostics = ImmutableArray.Create(
            new Diagnostic(Range.Create(1, 2, 1, 5), "Unknown answer set 'YesNo'.", DiagnosticSeverity.Error, "RL0102", Source: "rules",
                Tags: [DiagnosticTag.Unnecessary]));
        var publish = new PublishDiagnosticsParams("file:///w/a.rules", diagnostics, 3);
        Assert.Equal(JsonSerializer.Serialize(publish, ReflectionOptions), JsonSerializer.Serialize(publish, LspJson.Options));

        var edit = new WorkspaceEdit(Changes: ImmutableDictionary<string, ImmutableArray<TextEdit>>.Empty
            .Add("file:///w/a.rules", [new TextEdit(Range.Create(0, 0, 0, 3), "2.5")]));
        Assert.Equal(JsonSerializer.Serialize(edit, ReflectionOptions), JsonSerializer.Serialize(edit, LspJson.Options));
    }

    [Theory]
    [InlineData("""{"processId":7,"rootUri":"file:///w","capabilities":{"textDocument":{"rename":{"prepareSupport":true}}},"trace":"verbose"}""")]
    [InlineData("""{"capabilities":{}}""")]
    [InlineData("""{"processId":"x","capabilities":{}}""")]
    [InlineData("""{"processId":1}""")]
    public void Initialize_params_are_read_as_reflection_would(string json)
    {
        var generated = Read(json, LspJson.Options);
        var reflected = Read(json, ReflectionOptions);
        Assert.Equal(reflected, generated);
    }

    private static string Read(string json, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Serialize(JsonSerializer.Deserialize<InitializeParams>(json, options), ReflectionOptions);
        }
        catch (JsonException e)
        {
            return "error: " + e.Message;
        }
    }
}
