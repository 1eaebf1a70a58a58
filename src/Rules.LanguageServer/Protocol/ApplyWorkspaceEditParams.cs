namespace Rules.LanguageServer.Protocol;

public sealed record ApplyWorkspaceEditParams(WorkspaceEdit Edit, string? Label = null);
