namespace Rules.LanguageServer.Protocol;

public sealed record TextDocumentSyncOptions(bool? OpenClose = null, TextDocumentSyncKind? Change = null, SaveOptions? Save = null);
