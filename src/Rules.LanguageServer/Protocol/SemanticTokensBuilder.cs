using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

/// <summary>
/// Encodes tokens into the LSP's relative form (delta line, delta start, length, type, modifiers).
/// Push tokens in document order; a token must not span lines.
/// </summary>
public sealed class SemanticTokensBuilder
{
    private readonly ImmutableArray<int>.Builder _data = ImmutableArray.CreateBuilder<int>();
    private int _previousLine;
    private int _previousCharacter;

    /// <exception cref="ArgumentException">The token starts before the previous one.</exception>
    public SemanticTokensBuilder Push(int line, int character, int length, int tokenType, int tokenModifiers = 0)
    {
        if (line < _previousLine || (line == _previousLine && character < _previousCharacter))
            throw new ArgumentException(
                $"Semantic tokens must be pushed in document order: {line}:{character} comes before {_previousLine}:{_previousCharacter}.");
        var deltaLine = line - _previousLine;
        var deltaStart = deltaLine == 0 ? character - _previousCharacter : character;
        _data.Add(deltaLine);
        _data.Add(deltaStart);
        _data.Add(length);
        _data.Add(tokenType);
        _data.Add(tokenModifiers);
        _previousLine = line;
        _previousCharacter = character;
        return this;
    }

    public SemanticTokens Build(string? resultId = null) => new(_data.ToImmutable(), resultId);
}
