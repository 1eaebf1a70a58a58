namespace Rules.LanguageServer.JsonRpc;

/// <summary>The params type of methods that take none (e.g. <c>shutdown</c>, <c>exit</c>); any params sent are ignored.</summary>
public sealed record NoParams;
