namespace Rules.Core.Semantics;

/// <summary>
/// What a compilation keeps for the next one of the same project, so that editing one file again and again costs
/// nothing per unchanged file: the files bound last time, the table of the other files' declarations (valid while
/// the same files are bound), and which files depend on which (valid while no binding's dependencies change).
/// </summary>
internal sealed class IncrementalState(IReadOnlySet<string>? boundPaths, DeclarationTable? coldTable, IReadOnlyDictionary<string, List<string>>? dependents)
{
    public static IncrementalState Empty { get; } = new(null, null, null);

    /// <summary>The paths of the files the compilation bound (null: every file).</summary>
    public IReadOnlySet<string>? BoundPaths { get; } = boundPaths;

    /// <summary>The declarations of the files it reused, when it reused some.</summary>
    public DeclarationTable? ColdTable { get; } = coldTable;

    /// <summary>For each path, the files whose bindings depend on it directly; null until first needed.</summary>
    public IReadOnlyDictionary<string, List<string>>? Dependents { get; } = dependents;
}
