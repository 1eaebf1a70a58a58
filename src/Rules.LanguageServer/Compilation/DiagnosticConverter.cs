using System.Collections.Immutable;
using System.Text.Json;
using Rules.Core.Text;
using Rules.LanguageServer.Documents;
using CoreDiagnostics = Rules.Core.Diagnostics;
using Lsp = Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Compilation;

/// <summary>Turns compiler diagnostics into LSP ones: code = the diagnostic id, source "rules", the exact
/// span in UTF-16 positions, and the "did you mean" replacement in <c>data.suggestion</c> for quick fixes.</summary>
public static class DiagnosticConverter
{
    public const string Source = "rules";

    public static Lsp.Diagnostic ToLsp(CoreDiagnostics.Diagnostic diagnostic) =>
        ToLsp(diagnostic, ImmutableDictionary<string, DocumentSnapshot>.Empty);

    /// <summary>As above, with the diagnostic's related place (the first declaration of a duplicate, the error in an
    /// imported file) as <c>relatedInformation</c>, under the open document's URI when that file is open.</summary>
    public static Lsp.Diagnostic ToLsp(CoreDiagnostics.Diagnostic diagnostic, IReadOnlyDictionary<string, DocumentSnapshot> open)
    {
        var span = diagnostic.Location.LineSpan;
        JsonElement? data = diagnostic.Suggestion is null
            ? null
            : JsonSerializer.SerializeToElement(new SuggestionData(diagnostic.Suggestion), Lsp.LspJson.Options);
        return new Lsp.Diagnostic(ToRange(span), diagnostic.Message, ToLsp(diagnostic.Severity), diagnostic.Id, Source: Source,
            RelatedInformation: RelatedOf(diagnostic, open), Data: data);
    }

    private static ImmutableArray<Lsp.DiagnosticRelatedInformation>? RelatedOf(
        CoreDiagnostics.Diagnostic diagnostic, IReadOnlyDictionary<string, DocumentSnapshot> open)
    {
        if (diagnostic.Related is not { } related || related.Location.Path.Length == 0) return null;
        try
        {
            return [new Lsp.DiagnosticRelatedInformation(LocationConverter.ToLsp(related.Location, open), related.Message)];
        }
        catch (ArgumentException)
        {
            return null; // a path no URI can name: the message itself still says where
        }
    }

    public static Range ToRange(LinePositionSpan span) =>
        Range.Create(span.Start.Line, span.Start.Character, span.End.Line, span.End.Character);

    public static Lsp.DiagnosticSeverity ToLsp(CoreDiagnostics.DiagnosticSeverity severity) => severity switch
    {
        CoreDiagnostics.DiagnosticSeverity.Error => Lsp.DiagnosticSeverity.Error,
        CoreDiagnostics.DiagnosticSeverity.Warning => Lsp.DiagnosticSeverity.Warning,
        _ => Lsp.DiagnosticSeverity.Information,
    };

    /// <summary>The suggestion a diagnostic carries, if any.</summary>
    public static string? SuggestionOf(Lsp.Diagnostic diagnostic) =>
        diagnostic.Data is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("suggestion", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private sealed record SuggestionData(string Suggestion);
}
