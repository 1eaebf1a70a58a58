namespace Rules.LanguageServer.Protocol;

/// <summary>
/// One change: with a <see cref="Range"/> it replaces that range (positions relative to the document as it
/// is after the earlier changes of the same notification); without, <see cref="Text"/> is the whole new text.
/// </summary>
public sealed record TextDocumentContentChangeEvent(string Text, Range? Range = null, int? RangeLength = null);
