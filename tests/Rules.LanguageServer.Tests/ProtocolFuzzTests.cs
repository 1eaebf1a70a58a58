using System.Text.Json.Nodes;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Features;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests;

/// <summary>
/// Well-framed messages with bad contents: every request the server handles, with positions past the end or
/// negative, inverted ranges, unknown or malformed URIs, missing, null and wrongly typed properties, interleaved
/// with edits that are out of range or split surrogate pairs. Each request must be answered — with a result, or an
/// error that is the client's fault (never InternalError, which means a handler threw) — and the server must go on
/// serving the real document afterwards.
/// </summary>
public class ProtocolFuzzTests
{
    private const string Uri = LspTestClient.DefaultUri;

    private static readonly string[] Requests =
    [
        LspMethods.Hover, LspMethods.Completion, LspMethods.SignatureHelp, LspMethods.Definition, LspMethods.References,
        LspMethods.DocumentHighlight, LspMethods.DocumentSymbol, LspMethods.CodeAction, LspMethods.CodeLens,
        LspMethods.Formatting, LspMethods.RangeFormatting, LspMethods.PrepareRename, LspMethods.Rename,
        LspMethods.FoldingRange, LspMethods.SelectionRange, LspMethods.SemanticTokensFull, LspMethods.SemanticTokensRange,
        LspMethods.InlayHint, LspMethods.WorkspaceSymbol, LspMethods.ExecuteCommand, LspMethods.CompletionResolve,
    ];

    /// <summary>Three seeds in CI; <c>RULES_LSP_FUZZ_SEEDS=200</c> for a longer search.</summary>
    public static TheoryData<int> Seeds() =>
        [.. Enumerable.Range(11, int.TryParse(Environment.GetEnvironmentVariable("RULES_LSP_FUZZ_SEEDS"), out var n) && n > 0 ? n : 3)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Requests_with_bad_contents_are_answered_and_the_server_goes_on(int seed)
    {
        var random = new Random(seed);
        await using var client = await Fixtures.OpenAsync(Fixtures.Framework);
        var lines = Fixtures.Framework.Split('\n').Length;
        var version = 1;
        var failures = new List<string>();

        for (var i = 0; i < 150; i++)
        {
            if (random.Next(6) == 0)
            {
                await client.NotifyAsync(LspMethods.DidChange, RandomEdit(random, ++version, lines));
                continue;
            }
            var method = Requests[random.Next(Requests.Length)];
            var parameters = Mutate(random, Template(method, random, lines));
            try
            {
                await client.RequestRawAsync(method, parameters);
            }
            catch (JsonRpcException e) when (e.Code != JsonRpcErrorCodes.InternalError)
            {
                // InvalidParams, RequestFailed, ...: the client's mistake, said so.
            }
            catch (JsonRpcException e)
            {
                failures.Add($"{method} {parameters?.ToJsonString()}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.DoesNotContain("Unhandled", client.Log.ToString(), StringComparison.Ordinal);

        // Still serving: the document is replaced whole and a hover on a real name is answered.
        await client.NotifyAsync(LspMethods.DidChange, new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = ++version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = Fixtures.Framework }),
        });
        var at = Fixtures.WithCursor("YesNo", shift: 1, occurrence: 1);
        var hover = await client.RequestRawAsync(LspMethods.Hover, new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri },
            ["position"] = Position(at.Position.Line, at.Position.Character),
        });
        Assert.Contains("YesNo", hover.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task A_code_action_for_an_inverted_range_is_answered()
    {
        // Found by the test above: the quick fix "add this option" cut the text between the range's ends.
        await using var client = await Fixtures.OpenAsync(Fixtures.Framework);
        var range = new JsonObject { ["start"] = Position(5, 4), ["end"] = Position(1, 0) };
        var result = await client.RequestRawAsync(LspMethods.CodeAction, new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri },
            ["range"] = range,
            ["context"] = new JsonObject
            {
                ["diagnostics"] = new JsonArray(new JsonObject { ["range"] = range.DeepClone(), ["message"] = "x", ["code"] = "RL0105" }),
            },
        });
        Assert.Equal("[]", result.GetRawText());
    }

    /// <summary>Valid-looking parameters for the method, with random positions (in or out of the document).</summary>
    private static JsonObject Template(string method, Random random, int lines)
    {
        var document = new JsonObject { ["uri"] = RandomUri(random) };
        var range = new JsonObject { ["start"] = RandomPosition(random, lines), ["end"] = RandomPosition(random, lines) };
        return method switch
        {
            LspMethods.DocumentSymbol or LspMethods.CodeLens or LspMethods.FoldingRange or LspMethods.SemanticTokensFull =>
                new JsonObject { ["textDocument"] = document },
            LspMethods.Formatting => new JsonObject
            {
                ["textDocument"] = document,
                ["options"] = new JsonObject { ["tabSize"] = random.Next(-1, 9), ["insertSpaces"] = random.Next(2) == 0 },
            },
            LspMethods.RangeFormatting => new JsonObject
            {
                ["textDocument"] = document, ["range"] = range,
                ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
            },
            LspMethods.SemanticTokensRange or LspMethods.InlayHint => new JsonObject { ["textDocument"] = document, ["range"] = range },
            LspMethods.CodeAction => new JsonObject
            {
                ["textDocument"] = document, ["range"] = range,
                ["context"] = new JsonObject
                {
                    ["diagnostics"] = new JsonArray(new JsonObject
                    {
                        ["range"] = range.DeepClone(), ["message"] = "x", ["code"] = random.Next(2) == 0 ? "RL0105" : "RL9999",
                        ["data"] = random.Next(2) == 0 ? null : "nonee",
                    }),
                },
            },
            LspMethods.Rename => new JsonObject
            {
                ["textDocument"] = document, ["position"] = RandomPosition(random, lines),
                ["newName"] = new[] { "", " ", "a b", "2.1", "\ud83d\ude00", new string('x', 5000), "valid_name" }[random.Next(7)],
            },
            LspMethods.SelectionRange => new JsonObject
            {
                ["textDocument"] = document,
                ["positions"] = new JsonArray(RandomPosition(random, lines), RandomPosition(random, lines)),
            },
            LspMethods.WorkspaceSymbol => new JsonObject { ["query"] = new[] { "", "2.", "risk", "\0", new string('z', 3000) }[random.Next(5)] },
            LspMethods.ExecuteCommand => new JsonObject
            {
                ["command"] = new[] { "rules.runTests", "unknown.command", "" }[random.Next(3)],
                ["arguments"] = new JsonArray(RandomUri(random), 42, null),
            },
            LspMethods.CompletionResolve => new JsonObject { ["label"] = "x", ["data"] = new JsonObject { ["uri"] = RandomUri(random) } },
            LspMethods.References => new JsonObject
            {
                ["textDocument"] = document, ["position"] = RandomPosition(random, lines),
                ["context"] = new JsonObject { ["includeDeclaration"] = random.Next(2) == 0 },
            },
            _ => new JsonObject { ["textDocument"] = document, ["position"] = RandomPosition(random, lines) },
        };
    }

    /// <summary>Now and then, one property removed, nulled, or given a value of another type (nested ones too).</summary>
    private static JsonNode? Mutate(Random random, JsonObject parameters)
    {
        switch (random.Next(8))
        {
            case 0: return null;
            case 1: return new JsonArray(1, 2, 3);
            case 2 or 3:
                var target = Pick(random, parameters);
                if (target is null || target.Count == 0) return parameters;
                var key = target.ElementAt(random.Next(target.Count)).Key;
                switch (random.Next(4))
                {
                    case 0: target.Remove(key); break;
                    case 1: target[key] = null; break;
                    case 2: target[key] = "text where a number or an object belongs"; break;
                    default: target[key] = random.Next(2) == 0 ? (JsonNode)long.MaxValue : new JsonObject { ["unexpected"] = true }; break;
                }
                return parameters;
            default: return parameters;
        }
    }

    private static JsonObject? Pick(Random random, JsonObject root)
    {
        var objects = new List<JsonObject> { root };
        for (var i = 0; i < objects.Count; i++)
            foreach (var (_, value) in objects[i])
                if (value is JsonObject child) objects.Add(child);
        return objects[random.Next(objects.Count)];
    }

    private static JsonObject RandomEdit(Random random, int version, int lines)
    {
        var change = new JsonObject
        {
            ["range"] = new JsonObject { ["start"] = RandomPosition(random, lines), ["end"] = RandomPosition(random, lines) },
            ["text"] = new[] { "", "x", "\n", "}", "{\n", "\"", "\ud83d", "\ude00", "key_question 9.9.9 \"Q\" : YesNo\n", "// c\n" }[random.Next(10)],
        };
        return new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = random.Next(10) == 0 ? RandomUri(random) : Uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(change),
        };
    }

    private static JsonNode RandomUri(Random random) => random.Next(8) switch
    {
        0 => "file:///nowhere/else.rules",
        1 => "not a uri at all",
        2 => "",
        3 => "file:///workspace/%ZZ.rules",
        _ => Uri,
    };

    private static JsonObject RandomPosition(Random random, int lines) => random.Next(6) switch
    {
        0 => Position(random.Next(-3, 0), random.Next(-3, 3)),
        1 => Position(lines + random.Next(0, 5), random.Next(0, 10)),
        2 => Position(random.Next(lines), int.MaxValue),
        3 => Position(int.MaxValue, int.MaxValue),
        _ => Position(random.Next(lines), random.Next(0, 60)),
    };

    private static JsonObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };
}
