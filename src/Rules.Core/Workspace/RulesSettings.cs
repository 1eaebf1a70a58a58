using System.Collections.Immutable;
using System.Text.Json;
using Rules.Core.Diagnostics;
using Rules.Core.Text;

namespace Rules.Core.Workspace;

/// <summary>
/// <c>rules.json</c> at the workspace root: <c>{"diagnostics": {"RL0403": "off"}}</c> sets the
/// severity of a diagnostic id ("error", "warning", "info" or "off"). Errors cannot be lowered.
/// </summary>
public sealed record RulesSettings(ImmutableDictionary<string, string> Severities, ImmutableArray<Diagnostic> Problems)
{
    public static readonly RulesSettings Default = new(ImmutableDictionary<string, string>.Empty, []);

    public const string FileName = "rules.json";

    public static RulesSettings Load(IFileSystem fileSystem, string workspaceRoot)
    {
        var path = PathUtil.Combine(workspaceRoot, FileName);
        if (!fileSystem.FileExists(path)) return Default;
        var text = fileSystem.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text)) return Default;
        var source = new SourceText(text, path);
        var problems = new List<Diagnostic>();
        var severities = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("diagnostics", out var diagnostics))
            {
                if (diagnostics.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(DiagnosticCatalog.SyntaxError(new Location(source, new TextSpan(0, 0)), "\"diagnostics\" to be an object such as {\"RL0403\": \"off\"}", "something else"));
                }
                else
                {
                    foreach (var property in diagnostics.EnumerateObject())
                    {
                        var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                        if (DiagnosticCatalog.Find(property.Name) is null || value is not ("error" or "warning" or "info" or "off"))
                        {
                            var at = new Location(source, new TextSpan(Math.Max(0, text.IndexOf('"' + property.Name + '"', StringComparison.Ordinal)), property.Name.Length + 2));
                            problems.Add(DiagnosticCatalog.SyntaxError(at, "a diagnostic id such as RL0403 set to \"error\", \"warning\", \"info\" or \"off\"", $"\"{property.Name}\": {property.Value.GetRawText()}"));
                            continue;
                        }
                        severities[property.Name] = value;
                    }
                }
            }
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0);
            var offset = source.GetOffset(new LinePosition(line, (int)(e.BytePositionInLine ?? 0)));
            problems.Add(DiagnosticCatalog.SyntaxError(new Location(source, new TextSpan(offset, 0)), "valid JSON in rules.json", e.Message));
        }
        return new RulesSettings(severities.ToImmutable(), [.. problems]);
    }

    /// <summary>Applies the configured severity; null when the diagnostic is turned off.</summary>
    public Diagnostic? Apply(Diagnostic diagnostic)
    {
        if (!Severities.TryGetValue(diagnostic.Id, out var setting)) return diagnostic;
        if (diagnostic.Severity == DiagnosticSeverity.Error) return diagnostic;
        return setting switch
        {
            "off" => null,
            "error" => diagnostic.WithSeverity(DiagnosticSeverity.Error),
            "info" => diagnostic.WithSeverity(DiagnosticSeverity.Information),
            _ => diagnostic.WithSeverity(DiagnosticSeverity.Warning),
        };
    }
}
