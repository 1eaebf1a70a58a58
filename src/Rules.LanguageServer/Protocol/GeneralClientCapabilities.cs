using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record GeneralClientCapabilities(ImmutableArray<string>? PositionEncodings = null);
