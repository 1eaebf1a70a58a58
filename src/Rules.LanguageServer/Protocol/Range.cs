namespace Rules.LanguageServer.Protocol;

/// <summary>A range between two positions; <see cref="End"/> is exclusive.</summary>
public sealed record Range(Position Start, Position End)
{
    public Range(int startLine, int startCharacter, int endLine, int endCharacter)
        : this(new Position(startLine, startCharacter), new Position(endLine, endCharacter))
    {
    }

    public override string ToString() => $"{Start}-{End}";
}
