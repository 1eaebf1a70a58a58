using System.Collections.Immutable;
using System.Text.Json;

namespace Rules.LanguageServer.Protocol;

/// <summary>The params of <c>initialize</c>. Everything is optional here so that odd clients are still accepted.</summary>
public sealed record InitializeParams(
    int? ProcessId = null,
    ClientInfo? ClientInfo = null,
    string? Locale = null,
    string? RootPath = null,
    string? RootUri = null,
    JsonElement? InitializationOptions = null,
    ClientCapabilities? Capabilities = null,
    string? Trace = null,
    ImmutableArray<WorkspaceFolder>? WorkspaceFolders = null);
