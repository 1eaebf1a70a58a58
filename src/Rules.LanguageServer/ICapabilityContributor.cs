using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer;

/// <summary>
/// Adds what a feature offers to the initialize result, e.g. <c>capabilities with { HoverProvider = true }</c>.
/// A handler class registered with <c>AddLanguageServerHandler</c> that implements this is asked automatically.
/// </summary>
public interface ICapabilityContributor
{
    ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession client);
}
