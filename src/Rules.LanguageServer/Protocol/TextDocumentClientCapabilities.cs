namespace Rules.LanguageServer.Protocol;

public sealed record TextDocumentClientCapabilities(
    HoverClientCapabilities? Hover = null,
    CompletionClientCapabilities? Completion = null,
    PublishDiagnosticsClientCapabilities? PublishDiagnostics = null,
    DocumentSymbolClientCapabilities? DocumentSymbol = null,
    RenameClientCapabilities? Rename = null,
    CodeActionClientCapabilities? CodeAction = null);
