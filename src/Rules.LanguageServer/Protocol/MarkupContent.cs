namespace Rules.LanguageServer.Protocol;

/// <summary>Text shown to the user; <see cref="Kind"/> is <see cref="MarkupKind.Markdown"/> or <see cref="MarkupKind.PlainText"/>.</summary>
public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new(MarkupKind.Markdown, value);

    public static MarkupContent PlainText(string value) => new(MarkupKind.PlainText, value);
}
