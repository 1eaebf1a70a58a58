namespace Rules.LanguageServer.Protocol;

/// <summary>A range between two positions; <see cref="End"/> is exclusive.</summary>
public sealed record Range(Position Start, Position End)
{
    public static Range Create(int startLine, int startCharacter, int endLine, int endCharacter) =>
        new(new Position(startLine, startCharacter), new Position(endLine, endCharacter));

    public override string ToString() => $"{Start}-{End}";
}
