using System.Collections.Immutable;
using System.Text.Json;

namespace Rules.LanguageServer.Protocol;

public sealed record CompletionItem(
    string Label,
    CompletionItemKind? Kind = null,
    string? Detail = null,
    MarkupContent? Documentation = null,
    string? SortText = null,
    string? FilterText = null,
    string? InsertText = null,
    InsertTextFormat? InsertTextFormat = null,
    TextEdit? TextEdit = null,
    ImmutableArray<TextEdit>? AdditionalTextEdits = null,
    bool? Preselect = null,
    ImmutableArray<string>? CommitCharacters = null,
    CompletionItemLabelDetails? LabelDetails = null,
    ImmutableArray<CompletionItemTag>? Tags = null,
    JsonElement? Data = null);
