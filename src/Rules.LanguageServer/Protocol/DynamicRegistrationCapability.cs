namespace Rules.LanguageServer.Protocol;

public sealed record DynamicRegistrationCapability(bool? DynamicRegistration = null);
