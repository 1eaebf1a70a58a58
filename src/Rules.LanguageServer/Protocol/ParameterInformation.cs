namespace Rules.LanguageServer.Protocol;

/// <summary>A parameter of a signature; <see cref="Label"/> must be a substring of the signature's label.</summary>
public sealed record ParameterInformation(string Label, MarkupContent? Documentation = null);
