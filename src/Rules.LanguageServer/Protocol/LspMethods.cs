namespace Rules.LanguageServer.Protocol;

/// <summary>The LSP method names, for <c>[Method(LspMethods.Hover)]</c> and outgoing messages.</summary>
public static class LspMethods
{
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string SetTrace = "$/setTrace";
    public const string LogTrace = "$/logTrace";
    public const string CancelRequest = "$/cancelRequest";

    public const string DidOpen = "textDocument/didOpen";
    public const string DidChange = "textDocument/didChange";
    public const string DidClose = "textDocument/didClose";
    public const string DidSave = "textDocument/didSave";
    public const string PublishDiagnostics = "textDocument/publishDiagnostics";

    public const string Hover = "textDocument/hover";
    public const string Completion = "textDocument/completion";
    public const string CompletionResolve = "completionItem/resolve";
    public const string SignatureHelp = "textDocument/signatureHelp";
    public const string Definition = "textDocument/definition";
    public const string References = "textDocument/references";
    public const string DocumentHighlight = "textDocument/documentHighlight";
    public const string DocumentSymbol = "textDocument/documentSymbol";
    public const string CodeAction = "textDocument/codeAction";
    public const string CodeLens = "textDocument/codeLens";
    public const string Formatting = "textDocument/formatting";
    public const string RangeFormatting = "textDocument/rangeFormatting";
    public const string PrepareRename = "textDocument/prepareRename";
    public const string Rename = "textDocument/rename";
    public const string FoldingRange = "textDocument/foldingRange";
    public const string SelectionRange = "textDocument/selectionRange";
    public const string SemanticTokensFull = "textDocument/semanticTokens/full";
    public const string SemanticTokensRange = "textDocument/semanticTokens/range";
    public const string InlayHint = "textDocument/inlayHint";

    public const string WorkspaceSymbol = "workspace/symbol";
    public const string WorkspaceConfiguration = "workspace/configuration";
    public const string DidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string DidChangeWatchedFiles = "workspace/didChangeWatchedFiles";
    public const string ExecuteCommand = "workspace/executeCommand";
    public const string ApplyEdit = "workspace/applyEdit";

    public const string LogMessage = "window/logMessage";
    public const string ShowMessage = "window/showMessage";
}
