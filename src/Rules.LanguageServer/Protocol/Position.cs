namespace Rules.LanguageServer.Protocol;

/// <summary>A zero-based line and character; the character counts UTF-16 code units (the LSP default encoding).</summary>
public sealed record Position(int Line, int Character)
{
    public override string ToString() => $"{Line}:{Character}";
}
