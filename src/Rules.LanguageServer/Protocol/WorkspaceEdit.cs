using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

/// <summary>Edits to several documents: <see cref="Changes"/> by URI, or versioned <see cref="DocumentChanges"/>.</summary>
public sealed record WorkspaceEdit(
    ImmutableDictionary<string, ImmutableArray<TextEdit>>? Changes = null,
    ImmutableArray<TextDocumentEdit>? DocumentChanges = null);
