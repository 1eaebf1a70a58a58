namespace Rules.LanguageServer.Documents;

public enum DocumentChangeKind
{
    Opened,
    Changed,
    Closed,
}
