namespace Rules.LanguageServer.Protocol;

public sealed record ApplyWorkspaceEditResult(bool Applied, string? FailureReason = null);
