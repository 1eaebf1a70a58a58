using Rules.LanguageServer.JsonRpc;

namespace Rules.LanguageServer;

/// <summary>
/// A handler class registered in the container; the server builds its method table from these.
/// <see cref="Method"/> and <see cref="ProcessType"/> override the class's <see cref="MethodAttribute"/> when set.
/// </summary>
public sealed record HandlerRegistration(Type HandlerType, string? Method = null, RequestProcessType? ProcessType = null);
