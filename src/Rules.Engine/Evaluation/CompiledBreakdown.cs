using System.Collections.Immutable;
using Rules.Core.Semantics;
using Rules.Engine.Input;

namespace Rules.Engine.Evaluation;

/// <summary>
/// A breakdown ready for counting: the field it groups by and, for each group (numbered across all
/// breakdowns from <see cref="FirstGroup"/>), how to tell whether a case belongs to it.
/// </summary>
public sealed class CompiledBreakdown
{
    private readonly int _slot;
    private readonly CaseFieldKind _kind;
    private readonly ImmutableArray<Group> _groups;

    internal CompiledBreakdown(BreakdownSymbol symbol, int firstGroup, int slot, CaseFieldKind kind, OptionList options)
    {
        Symbol = symbol;
        FirstGroup = firstGroup;
        _slot = slot;
        _kind = kind;
        _groups = [.. symbol.Groups.Select(g => new Group(
            g.Label,
            [.. g.Values.Select(v => options.IndexOf(v.Name)).Where(i => i >= 0)],
            g.Low,
            g.High,
            g.Boolean))];
    }

    public BreakdownSymbol Symbol { get; }

    /// <summary>The global index of this breakdown's first group.</summary>
    public int FirstGroup { get; }

    public int GroupCount => _groups.Length;

    public string GroupLabel(int group) => _groups[group].Label;

    /// <summary>Whether the case belongs to the group (local index); a case without a value belongs to none.</summary>
    internal bool Contains(CaseRecord record, int group)
    {
        if (_slot < 0 || !record.HasValue(_slot)) return false;
        var g = _groups[group];
        switch (_kind)
        {
            case CaseFieldKind.Number:
                var number = record.GetNumber(_slot);
                return g.Low is { } low && number >= low && (g.High is not { } high || number <= high);
            case CaseFieldKind.Boolean:
                return g.Boolean is { } expected && record.GetBoolean(_slot) == expected;
            case CaseFieldKind.Enum:
                return g.Options.Contains(record.GetOption(_slot));
            default:
                foreach (var option in g.Options)
                {
                    if (record.SetContains(_slot, option)) return true;
                }

                return false;
        }
    }

    private sealed record Group(string Label, ImmutableArray<int> Options, double? Low, double? High, bool? Boolean);
}
