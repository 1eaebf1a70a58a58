using System.Collections.Immutable;
using System.Text.Json;

namespace Rules.LanguageServer.Protocol;

public sealed record CodeAction(
    string Title,
    string? Kind = null,
    ImmutableArray<Diagnostic>? Diagnostics = null,
    bool? IsPreferred = null,
    WorkspaceEdit? Edit = null,
    Command? Command = null,
    JsonElement? Data = null);
