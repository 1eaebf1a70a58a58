using System.Text;
using System.Text.Json;
using Rules.Core.Diagnostics;

namespace Rules.Core.Tests.Diagnostics;

/// <summary>
/// The JSON schema the VS Code extension gives editors for <c>rules.json</c> is written from the diagnostic
/// catalogue, so that completion offers every id and an error id only "error" (errors cannot be lowered).
/// On a mismatch the test fails; <c>VERIFY_ACCEPT=1</c> writes the schema again.
/// </summary>
public sealed class SettingsSchemaTests
{
    private static readonly string SchemaPath =
        Path.Combine(TestPaths.RepositoryRoot(), "editor-extension", "schemas", "rules.schema.json");

    [Fact]
    public void TheExtensionsSchemaForRulesJsonListsEveryDiagnosticOfTheCatalogue()
    {
        var expected = Schema();
        var actual = File.Exists(SchemaPath) ? File.ReadAllText(SchemaPath).ReplaceLineEndings("\n") : "";
        if (actual != expected && Environment.GetEnvironmentVariable("VERIFY_ACCEPT") == "1")
        {
            File.WriteAllText(SchemaPath, expected);
            actual = expected;
        }
        Assert.True(actual == expected, $"{SchemaPath} does not match the diagnostic catalogue; run the tests with VERIFY_ACCEPT=1 to write it again.");
    }

    private static string Schema()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", "Inspection rules settings (rules.json)");
            json.WriteString("description", "Settings for `rules check` and the language server, in rules.json at the workspace root. Written from the diagnostic catalogue by SettingsSchemaTests: do not edit by hand.");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            json.WriteStartObject("diagnostics");
            json.WriteString("description", "The severity of a diagnostic, by id. A warning may be turned off, lowered to information or raised to an error; an error cannot be lowered.");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            foreach (var descriptor in DiagnosticCatalog.All)
            {
                var kind = descriptor.DefaultSeverity != DiagnosticSeverity.Error ? "a warning"
                    : descriptor.AlsoWarning ? "an error or a warning: a setting applies to the warnings"
                    : "an error: it cannot be lowered";
                json.WriteStartObject(descriptor.Id);
                json.WriteString("description", $"{descriptor.Title} ({kind}).");
                json.WriteStartArray("enum");
                foreach (var severity in descriptor.CanBeLowered ? new[] { "error", "warning", "info", "off" } : ["error"]) json.WriteStringValue(severity);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }
}
