using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.JsonRpc;

namespace Rules.LanguageServer;

public static class LanguageServerServiceCollectionExtensions
{
    /// <summary>
    /// Registers a handler class (one LSP method, named by its <see cref="MethodAttribute"/>) as a singleton.
    /// If it implements <see cref="ICapabilityContributor"/> it also contributes to the server capabilities.
    /// </summary>
    /// <exception cref="InvalidOperationException">The class has no method name or no handler interface.</exception>
    public static IServiceCollection AddLanguageServerHandler<THandler>(
        this IServiceCollection services,
        string? method = null,
        RequestProcessType? processType = null)
        where THandler : class
    {
        var type = typeof(THandler);
        var name = method ?? type.GetCustomAttribute<MethodAttribute>()?.Name
            ?? throw new InvalidOperationException($"The handler {type.FullName} has no [Method(\"...\")] attribute and no method name was given.");
        // Fail at startup, not at the first message, if the class is not a handler.
        HandlerDescriptor.ForHandlerType(name, type, () => throw new InvalidOperationException(), RequestProcessType.Default);

        services.TryAddSingleton<THandler>();
        services.AddSingleton(new HandlerRegistration(type, method, processType));
        if (typeof(ICapabilityContributor).IsAssignableFrom(type))
            services.AddSingleton<ICapabilityContributor>(sp => (ICapabilityContributor)sp.GetRequiredService<THandler>());
        return services;
    }

    /// <summary>Registers a listener told about every document open, change and close.</summary>
    public static IServiceCollection AddDocumentChangeListener<TListener>(this IServiceCollection services)
        where TListener : class, IDocumentChangeListener
    {
        services.TryAddSingleton<TListener>();
        services.AddSingleton<IDocumentChangeListener>(sp => sp.GetRequiredService<TListener>());
        return services;
    }

    /// <summary>Registers a capability contributor that is not a handler.</summary>
    public static IServiceCollection AddCapabilityContributor<TContributor>(this IServiceCollection services)
        where TContributor : class, ICapabilityContributor
    {
        services.TryAddSingleton<TContributor>();
        services.AddSingleton<ICapabilityContributor>(sp => sp.GetRequiredService<TContributor>());
        return services;
    }
}
