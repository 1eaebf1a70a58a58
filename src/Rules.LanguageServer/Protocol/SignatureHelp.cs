using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record SignatureHelp(ImmutableArray<SignatureInformation> Signatures, int? ActiveSignature = null, int? ActiveParameter = null);
