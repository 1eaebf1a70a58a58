using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record SignatureInformation(
    string Label,
    MarkupContent? Documentation = null,
    ImmutableArray<ParameterInformation>? Parameters = null,
    int? ActiveParameter = null);
