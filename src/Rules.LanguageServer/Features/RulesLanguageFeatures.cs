using Microsoft.Extensions.DependencyInjection;
using Rules.LanguageServer.Compilation;

namespace Rules.LanguageServer.Features;

/// <summary>
/// The registration point of the compiler-backed features (diagnostics, hover, completion, ...): one
/// <c>services.AddLanguageServerHandler&lt;XHandler&gt;()</c> line per handler class, plus document listeners.
/// See docs/contributing-lsp.md.
/// </summary>
public static class RulesLanguageFeatures
{
    public static IServiceCollection AddRulesLanguageFeatures(this IServiceCollection services)
    {
        services.AddSingleton<RulesProjectService>();
        services.AddDocumentChangeListener<DiagnosticsPublisher>();
        services.AddLanguageServerHandler<HoverHandler>();
        services.AddLanguageServerHandler<CompletionHandler>();
        services.AddLanguageServerHandler<RenameHandler>();
        services.AddLanguageServerHandler<PrepareRenameHandler>();
        services.AddLanguageServerHandler<DefinitionHandler>();
        services.AddLanguageServerHandler<ReferencesHandler>();
        services.AddLanguageServerHandler<DocumentHighlightHandler>();
        services.AddLanguageServerHandler<DocumentSymbolHandler>();
        services.AddLanguageServerHandler<WorkspaceSymbolHandler>();
        services.AddLanguageServerHandler<FormattingHandler>();
        services.AddLanguageServerHandler<RangeFormattingHandler>();
        services.AddLanguageServerHandler<FoldingRangeHandler>();
        services.AddLanguageServerHandler<SemanticTokensHandler>();
        services.AddLanguageServerHandler<SemanticTokensRangeHandler>();
        services.AddLanguageServerHandler<CodeActionHandler>();
        services.AddLanguageServerHandler<CodeLensHandler>();
        services.AddLanguageServerHandler<InlayHintHandler>();
        services.AddLanguageServerHandler<DidChangeWatchedFilesHandler>();
        return services;
    }
}
