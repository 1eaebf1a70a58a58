using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rules.Core.Diagnostics;
using Rules.Core.Text;

namespace Rules.Cli.Output;

/// <summary>Prints diagnostics as text, JSON, SARIF 2.1.0 or GitHub workflow commands (CLI.md).</summary>
public static class DiagnosticWriter
{
    public static readonly string[] Formats = ["text", "json", "sarif", "github"];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, string format, IReadOnlyList<Diagnostic> diagnostics, Func<string, string> displayPath)
    {
        switch (format)
        {
            case "json": WriteJson(output, diagnostics, displayPath); break;
            case "sarif": WriteSarif(output, diagnostics, displayPath); break;
            case "github": WriteGitHub(output, diagnostics, displayPath); break;
            default: WriteText(output, diagnostics, displayPath); break;
        }
    }

    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    public static string Text(Diagnostic d, Func<string, string> displayPath)
    {
        var start = d.Location.LineSpan.Start;
        return $"{displayPath(d.Location.Path)}({start.Line + 1},{start.Character + 1}): {Severity(d.Severity)} {d.Id}: {d.Message}";
    }

    private static void WriteText(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, Func<string, string> displayPath)
    {
        foreach (var d in diagnostics) output.WriteLine(Text(d, displayPath));
    }

    private static void WriteGitHub(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, Func<string, string> displayPath)
    {
        foreach (var d in diagnostics)
        {
            var span = d.Location.LineSpan;
            var command = d.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "notice" };
            output.WriteLine($"::{command} file={Escape(displayPath(d.Location.Path), true)},line={span.Start.Line + 1},col={span.Start.Character + 1},endLine={span.End.Line + 1},endColumn={span.End.Character + 1},title={d.Id}::{Escape(d.Message, false)}");
        }
    }

    private static string Escape(string value, bool property)
    {
        var s = value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        return property ? s.Replace(":", "%3A").Replace(",", "%2C") : s;
    }

    private static JsonObject Position(Diagnostic d, Func<string, string> displayPath)
    {
        var span = d.Location.LineSpan;
        var json = new JsonObject
        {
            ["id"] = d.Id,
            ["severity"] = Severity(d.Severity),
            ["message"] = d.Message,
            ["file"] = displayPath(d.Location.Path),
            ["line"] = span.Start.Line + 1,
            ["column"] = span.Start.Character + 1,
            ["endLine"] = span.End.Line + 1,
            ["endColumn"] = span.End.Character + 1,
        };
        // The text that replaces the range to fix it ("did you mean"), for tools that apply fixes.
        if (d.Suggestion is not null) json["suggestion"] = d.Suggestion;
        // Another place the problem is about (where a duplicate was first declared, the error in an imported file).
        if (d.Related is { } related)
        {
            var at = related.Location.LineSpan.Start;
            json["related"] = new JsonObject
            {
                ["message"] = related.Message,
                ["file"] = displayPath(related.Location.Path),
                ["line"] = at.Line + 1,
                ["column"] = at.Character + 1,
            };
        }
        return json;
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, Func<string, string> displayPath)
    {
        var array = new JsonArray();
        foreach (var d in diagnostics) array.Add(Position(d, displayPath));
        output.WriteLine(new JsonObject { ["diagnostics"] = array }.ToJsonString(JsonOptions));
    }

    private static void WriteSarif(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, Func<string, string> displayPath)
    {
        var rules = new JsonArray();
        var ruleIndex = new Dictionary<string, int>();
        foreach (var descriptor in diagnostics.Select(d => d.Descriptor).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            ruleIndex[descriptor.Id] = rules.Count;
            rules.Add(new JsonObject
            {
                ["id"] = descriptor.Id,
                ["name"] = string.Concat(descriptor.Title.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])),
                ["shortDescription"] = new JsonObject { ["text"] = descriptor.Title },
                ["defaultConfiguration"] = new JsonObject { ["level"] = SarifLevel(descriptor.DefaultSeverity) },
            });
        }
        var results = new JsonArray();
        foreach (var d in diagnostics)
        {
            var span = d.Location.LineSpan;
            var result = new JsonObject
            {
                ["ruleId"] = d.Id,
                ["ruleIndex"] = ruleIndex[d.Id],
                ["level"] = SarifLevel(d.Severity),
                ["message"] = new JsonObject { ["text"] = d.Message },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = displayPath(d.Location.Path) },
                        ["region"] = Region(span),
                    },
                }),
            };
            if (d.Related is { } related)
            {
                result["relatedLocations"] = new JsonArray(new JsonObject
                {
                    ["id"] = 0,
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = displayPath(related.Location.Path) },
                        ["region"] = Region(related.Location.LineSpan),
                    },
                    ["message"] = new JsonObject { ["text"] = related.Message },
                });
            }
            if (d.Suggestion is not null)
            {
                // A SARIF fix: the region replaced by the suggestion, as SARIF viewers offer to apply it.
                result["fixes"] = new JsonArray(new JsonObject
                {
                    ["description"] = new JsonObject { ["text"] = Suggestions.FixTitle(d.Suggestion) },
                    ["artifactChanges"] = new JsonArray(new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = displayPath(d.Location.Path) },
                        ["replacements"] = new JsonArray(new JsonObject
                        {
                            ["deletedRegion"] = Region(span),
                            ["insertedContent"] = new JsonObject { ["text"] = d.Suggestion },
                        }),
                    }),
                });
            }
            results.Add(result);
        }
        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "rules",
                        ["rules"] = rules,
                    },
                },
                ["columnKind"] = "utf16CodeUnits",
                ["results"] = results,
            }),
        };
        output.WriteLine(sarif.ToJsonString(JsonOptions));
    }

    private static JsonObject Region(LinePositionSpan span) => new()
    {
        ["startLine"] = span.Start.Line + 1,
        ["startColumn"] = span.Start.Character + 1,
        ["endLine"] = span.End.Line + 1,
        ["endColumn"] = span.End.Character + 1,
    };

    private static string SarifLevel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
