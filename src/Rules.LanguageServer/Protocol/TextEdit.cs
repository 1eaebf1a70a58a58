namespace Rules.LanguageServer.Protocol;

/// <summary>Replaces <see cref="Range"/> with <see cref="NewText"/> (an empty range inserts).</summary>
public sealed record TextEdit(Range Range, string NewText);
