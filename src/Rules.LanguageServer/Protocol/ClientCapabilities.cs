namespace Rules.LanguageServer.Protocol;

/// <summary>The part of the client's capabilities this server looks at; the rest is ignored.</summary>
public sealed record ClientCapabilities(
    WorkspaceClientCapabilities? Workspace = null,
    TextDocumentClientCapabilities? TextDocument = null,
    WindowClientCapabilities? Window = null,
    GeneralClientCapabilities? General = null);
