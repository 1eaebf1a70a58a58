using System.Collections.Immutable;
using System.Globalization;

namespace Rules.Core.Evaluation;

/// <summary>A case field's value as given in input, before it is checked against the field's type.</summary>
public abstract record CaseValue
{
    public sealed record Number(double Value) : CaseValue
    {
        public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
    }

    public sealed record Boolean(bool Value) : CaseValue
    {
        public override string ToString() => Value ? "true" : "false";
    }

    /// <summary>An enum value (or any text).</summary>
    public sealed record Text(string Value) : CaseValue
    {
        public override string ToString() => Value;
    }

    /// <summary>The members of a set field.</summary>
    public sealed record List(ImmutableArray<string> Values) : CaseValue
    {
        public override string ToString() => "{" + string.Join(", ", Values) + "}";
        public bool Equals(List? other) => other is not null && Values.SequenceEqual(other.Values);
        public override int GetHashCode() => Values.Length;
    }
}
