using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record CodeActionContext(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string>? Only = null, CodeActionTriggerKind? TriggerKind = null);
