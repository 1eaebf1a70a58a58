namespace Rules.LanguageServer.JsonRpc;

/// <summary>The params of <c>$/cancelRequest</c>.</summary>
public sealed record CancelParams(RequestId Id);
