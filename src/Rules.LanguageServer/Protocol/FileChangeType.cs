namespace Rules.LanguageServer.Protocol;

public enum FileChangeType
{
    Created = 1,
    Changed = 2,
    Deleted = 3,
}
