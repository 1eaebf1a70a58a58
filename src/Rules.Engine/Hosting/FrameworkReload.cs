using System.Collections.Immutable;
using Rules.Core.Diagnostics;

namespace Rules.Engine.Hosting;

/// <summary>
/// The outcome of <see cref="FrameworkHost.Reload"/>: whether the folder's current text was taken up,
/// its diagnostics, and the framework in use afterwards (the last good one when the new text has errors).
/// </summary>
public sealed record FrameworkReload(bool Accepted, ImmutableArray<Diagnostic> Diagnostics, LoadedFramework? Current, string? Problem = null);
