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
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(DiagnosticCatalog.SettingsNotAnObject(new Location(source, new TextSpan(text.Length - text.TrimStart().Length, 0)), "The whole file"));
                return new RulesSettings(severities.ToImmutable(), [.. problems]);
            }
            var searchFrom = 0;
            foreach (var setting in root.EnumerateObject())
            {
                var at = PropertyLocation(source, setting.Name, ref searchFrom);
                if (setting.Name == "$schema") continue; // editors add it; it says nothing to the checker
                if (setting.Name != "diagnostics")
                {
                    problems.Add(DiagnosticCatalog.SettingsUnknownSetting(at, setting.Name));
                    continue;
                }
                if (setting.Value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(DiagnosticCatalog.SettingsNotAnObject(at, "\"diagnostics\""));
                    continue;
                }
                foreach (var property in setting.Value.EnumerateObject())
                {
                    var where = PropertyLocation(source, property.Name, ref searchFrom);
                    var descriptor = DiagnosticCatalog.Find(property.Name);
                    var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    if (descriptor is null)
                        problems.Add(DiagnosticCatalog.SettingsUnknownId(where, property.Name));
                    else if (value is not ("error" or "warning" or "info" or "off"))
                        problems.Add(DiagnosticCatalog.SettingsBadSeverity(where, property.Name, property.Value.GetRawText()));
                    else if (!descriptor.CanBeLowered && value != "error")
                        problems.Add(DiagnosticCatalog.SettingsCannotLowerError(where, property.Name, value));
                    else
                        severities[property.Name] = value;
                }
            }
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0);
            var offset = source.GetOffset(new LinePosition(line, (int)(e.BytePositionInLine ?? 0)));
            problems.Add(DiagnosticCatalog.SettingsNotJson(new Location(source, new TextSpan(offset, 0)), ReaderProblem(e.Message)));
        }
        return new RulesSettings(severities.ToImmutable(), [.. problems]);
    }

    /// <summary>The reader's own words without the position it appends (the diagnostic carries the position).</summary>
    private static string ReaderProblem(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var problem = (cut >= 0 ? message[..cut] : message).Trim();
        return problem.EndsWith('.') ? problem : problem + ".";
    }

    /// <summary>Where a property's quoted name is, searching on from the previous property (names are found in file order).</summary>
    private static Location PropertyLocation(SourceText source, string name, ref int searchFrom)
    {
        var quoted = JsonSerializer.Serialize(name);
        var index = source.Text.IndexOf(quoted, searchFrom, StringComparison.Ordinal);
        if (index < 0) return new Location(source, new TextSpan(searchFrom, 0));
        searchFrom = index + quoted.Length;
        return new Location(source, new TextSpan(index, quoted.Length));
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
