using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

/// <summary>All diagnostics of one document (an empty list clears them); <see cref="Version"/> is the document version they were computed for.</summary>
public sealed record PublishDiagnosticsParams(string Uri, ImmutableArray<Diagnostic> Diagnostics, int? Version = null);
