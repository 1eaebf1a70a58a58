namespace Rules.Engine.Input;

/// <summary>What a problem does to its case.</summary>
public enum ProblemSeverity
{
    /// <summary>The case is rejected: kept out of every count and listed with its reasons.</summary>
    Rejection,

    /// <summary>The case is still evaluated; the problem is reported as a warning.</summary>
    Warning,
}
