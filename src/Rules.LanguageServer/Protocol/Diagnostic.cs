using System.Collections.Immutable;
using System.Text.Json;

namespace Rules.LanguageServer.Protocol;

/// <summary>A problem in a document. <see cref="Code"/> is the diagnostic id (e.g. RL0102).</summary>
public sealed record Diagnostic(
    Range Range,
    string Message,
    DiagnosticSeverity? Severity = null,
    string? Code = null,
    CodeDescription? CodeDescription = null,
    string? Source = null,
    ImmutableArray<DiagnosticTag>? Tags = null,
    ImmutableArray<DiagnosticRelatedInformation>? RelatedInformation = null,
    JsonElement? Data = null);
