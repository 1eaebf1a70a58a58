namespace Rules.LanguageServer.Protocol;

/// <summary>What the server offers; each feature handler adds its part (see <c>ICapabilityContributor</c>).</summary>
public sealed record ServerCapabilities(
    string? PositionEncoding = null,
    TextDocumentSyncOptions? TextDocumentSync = null,
    CompletionOptions? CompletionProvider = null,
    bool? HoverProvider = null,
    SignatureHelpOptions? SignatureHelpProvider = null,
    bool? DefinitionProvider = null,
    bool? ReferencesProvider = null,
    bool? DocumentHighlightProvider = null,
    bool? DocumentSymbolProvider = null,
    bool? WorkspaceSymbolProvider = null,
    CodeActionOptions? CodeActionProvider = null,
    CodeLensOptions? CodeLensProvider = null,
    bool? DocumentFormattingProvider = null,
    bool? DocumentRangeFormattingProvider = null,
    RenameOptions? RenameProvider = null,
    bool? FoldingRangeProvider = null,
    bool? SelectionRangeProvider = null,
    SemanticTokensOptions? SemanticTokensProvider = null,
    bool? InlayHintProvider = null,
    ExecuteCommandOptions? ExecuteCommandProvider = null,
    WorkspaceServerCapabilities? Workspace = null);
