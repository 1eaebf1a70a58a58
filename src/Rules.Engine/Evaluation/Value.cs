namespace Rules.Engine.Evaluation;

/// <summary>What a compiled expression produced for a case.</summary>
internal enum ValueKind : byte
{
    None,
    Boolean,
    Number,
    Text,
    Option,
    Set,
    Names,
}

/// <summary>
/// A compiled expression's value: no allocation. Text and options carry interned name ids; options
/// also their outcome; sets their field; name lists their precompiled ids.
/// </summary>
internal readonly record struct Value(ValueKind Kind, double Number = 0, int Name = -1, int Outcome = 0, object? Ref = null)
{
    public static readonly Value None = default;
    public static readonly Value True = new(ValueKind.Boolean, 1);
    public static readonly Value False = new(ValueKind.Boolean, 0);

    public bool IsTrue => Kind == ValueKind.Boolean && Number != 0;

    public static Value Of(bool value) => value ? True : False;
}

/// <summary>A literal list of names (<c>none</c>, <c>{low, medium}</c>) as interned ids.</summary>
internal sealed class NameList(int[] ids)
{
    public int[] Ids { get; } = ids;

    public int DistinctCount { get; } = ids.Distinct().Count();

    public bool Contains(int id) => Array.IndexOf(Ids, id) >= 0;
}

/// <summary>A set field as seen by compiled expressions: its slot and each name id's option index.</summary>
internal sealed class SetField(int slot, Dictionary<int, int> optionByName)
{
    public int Slot { get; } = slot;

    public Dictionary<int, int> OptionByName { get; } = optionByName;
}
