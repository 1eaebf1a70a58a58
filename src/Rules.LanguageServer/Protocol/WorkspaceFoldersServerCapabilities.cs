namespace Rules.LanguageServer.Protocol;

public sealed record WorkspaceFoldersServerCapabilities(bool? Supported = null, bool? ChangeNotifications = null);
