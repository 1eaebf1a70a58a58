using Microsoft.Extensions.DependencyInjection;

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
        // e.g. services.AddLanguageServerHandler<HoverHandler>();
        //      services.AddDocumentChangeListener<DiagnosticsPublisher>();
        return services;
    }
}
