namespace Rules.Engine.Input;

/// <summary>The formats of case assessment input.</summary>
public enum CaseInputFormat
{
    /// <summary>JSON Lines (<c>.jsonl</c>): one JSON object per line.</summary>
    JsonLines,

    /// <summary>CSV (<c>.csv</c>) with a header row.</summary>
    Csv,
}
