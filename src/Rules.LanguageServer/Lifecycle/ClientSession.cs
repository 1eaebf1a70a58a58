using System.Collections.Immutable;
using System.Text.Json;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Lifecycle;

/// <summary>
/// What the client said about itself in <c>initialize</c>: capabilities, initialization options, workspace
/// roots, process id. Empty until then. Inject it into a handler to adapt to the client (e.g. markdown support).
/// </summary>
public sealed class ClientSession
{
    private InitializeParams? _parameters;

    /// <summary>The initialize params, or null before <c>initialize</c>.</summary>
    public InitializeParams? InitializeParams => Volatile.Read(ref _parameters);

    public bool IsInitialized => InitializeParams is not null;

    public ClientCapabilities Capabilities => InitializeParams?.Capabilities ?? new ClientCapabilities();

    public ClientInfo? ClientInfo => InitializeParams?.ClientInfo;

    public int? ProcessId => InitializeParams?.ProcessId;

    public JsonElement? InitializationOptions => InitializeParams?.InitializationOptions;

    public string? RootUri => InitializeParams?.RootUri;

    /// <summary>The workspace folders, or the root URI as a single folder, or none.</summary>
    public ImmutableArray<WorkspaceFolder> WorkspaceFolders =>
        InitializeParams?.WorkspaceFolders
        ?? (RootUri is { } root ? [new WorkspaceFolder(root, root)] : []);

    public bool SupportsWorkspaceConfiguration => Capabilities.Workspace?.Configuration == true;

    public bool SupportsMarkdownHover =>
        Capabilities.TextDocument?.Hover?.ContentFormat?.Contains(MarkupKind.Markdown) == true;

    public bool SupportsMarkdownCompletionDocumentation =>
        Capabilities.TextDocument?.Completion?.CompletionItem?.DocumentationFormat?.Contains(MarkupKind.Markdown) == true;

    public bool SupportsSnippets => Capabilities.TextDocument?.Completion?.CompletionItem?.SnippetSupport == true;

    public bool SupportsHierarchicalDocumentSymbols =>
        Capabilities.TextDocument?.DocumentSymbol?.HierarchicalDocumentSymbolSupport == true;

    public bool SupportsPrepareRename => Capabilities.TextDocument?.Rename?.PrepareSupport == true;

    public bool SupportsDiagnosticRelatedInformation =>
        Capabilities.TextDocument?.PublishDiagnostics?.RelatedInformation == true;

    internal void Initialize(InitializeParams parameters) => Volatile.Write(ref _parameters, parameters);
}
