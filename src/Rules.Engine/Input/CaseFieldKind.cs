namespace Rules.Engine.Input;

/// <summary>The type of a case field declared in a framework's <c>case</c> block.</summary>
public enum CaseFieldKind
{
    /// <summary>A number (JSON number; CSV decimal with a '.' separator).</summary>
    Number,

    /// <summary>A boolean (JSON true/false; CSV true/false).</summary>
    Boolean,

    /// <summary>One option out of a fixed list (JSON string; CSV cell).</summary>
    Enum,

    /// <summary>Any number of options out of a fixed list (JSON array of strings; CSV ';'-separated).</summary>
    Set,
}
