namespace Rules.LanguageServer.Protocol;

public sealed record DocumentSymbolClientCapabilities(bool? HierarchicalDocumentSymbolSupport = null);
