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
    private readonly int[][] _groupsOfOption;
    private readonly ulong[][] _groupWords;
    private readonly double[] _lows;
    private readonly double[] _highs;
    private readonly sbyte[]? _groupOfWholeNumber;
    private readonly int[][] _groupsOfBoolean;

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

        // Number fields: each group's bounds (no lower bound: matches nothing, as Contains decides; no upper bound: open).
        _lows = [.. _groups.Select(g => g.Low ?? double.NaN)];
        _highs = [.. _groups.Select(g => g.High ?? double.PositiveInfinity)];

        // Number fields whose groups do not overlap: the group of each whole number from 0 to 255 (-1: none).
        if (kind == CaseFieldKind.Number && _groups.Length < sbyte.MaxValue)
        {
            var table = new sbyte[256];
            var overlapping = false;
            for (var value = 0; value < table.Length && !overlapping; value++)
            {
                table[value] = -1;
                for (var g = 0; g < _groups.Length; g++)
                {
                    if (!(value >= _lows[g] && value <= _highs[g])) continue;
                    overlapping |= table[value] >= 0;
                    table[value] = (sbyte)g;
                }
            }

            _groupOfWholeNumber = overlapping ? null : table;
        }

        // Boolean fields: the groups of false and of true.
        _groupsOfBoolean = [.. new[] { false, true }.Select(value => Enumerable.Range(0, _groups.Length).Where(g => _groups[g].Boolean == value).ToArray())];

        // Enum fields: the groups of each option. Set fields: each group's options as bit words.
        _groupsOfOption = [.. Enumerable.Range(0, options.Count).Select(o => Enumerable.Range(0, _groups.Length).Where(g => _groups[g].Options.Contains(o)).ToArray())];
        _groupWords = [.. _groups.Select(g =>
        {
            var words = new ulong[(options.Count + 63) / 64];
            foreach (var option in g.Options) words[option >> 6] |= 1UL << (option & 63);
            return words;
        })];
    }

    public BreakdownSymbol Symbol { get; }

    /// <summary>The global index of this breakdown's first group.</summary>
    public int FirstGroup { get; }

    public int GroupCount => _groups.Length;

    public string GroupLabel(int group) => _groups[group].Label;

    /// <summary>The case field's slot (-1: the field is not in the schema, so no case is in any group).</summary>
    internal int Slot => _slot;

    /// <summary>
    /// When every value stored for the field as a whole number from 0 (an enum's option index, a
    /// boolean's 0 or 1, a whole number up to 255) is in at most one group: the global index of
    /// that group for each such value, -1 for none. Any other value (a number past the table, a
    /// fraction, a set) is left to <see cref="AddGroupsOf"/>. Null for sets and overlapping groups.
    /// </summary>
    internal int[]? GroupOfWholeValue()
    {
        if (_slot < 0) return null;
        int[][]? groupsOfValue = _kind switch
        {
            CaseFieldKind.Enum => _groupsOfOption,
            CaseFieldKind.Boolean => _groupsOfBoolean,
            _ => null,
        };
        if (groupsOfValue is not null)
        {
            return groupsOfValue.Any(g => g.Length > 1) ? null : [.. groupsOfValue.Select(g => g.Length == 0 ? -1 : FirstGroup + g[0])];
        }

        return _kind == CaseFieldKind.Number && _groupOfWholeNumber is { } table
            ? [.. table.Select(g => g < 0 ? -1 : FirstGroup + g)]
            : null;
    }

    /// <summary>
    /// Writes the global index of every group the case belongs to (as <see cref="Contains"/> decides)
    /// into <paramref name="groups"/> from <paramref name="count"/> on, and returns the new count.
    /// </summary>
    internal int AddGroupsOf(CaseRecord record, Span<int> groups, int count)
    {
        if (_slot < 0 || !record.HasValue(_slot)) return count;
        switch (_kind)
        {
            case CaseFieldKind.Enum:
                foreach (var g in _groupsOfOption[record.GetOption(_slot)]) groups[count++] = FirstGroup + g;
                return count;
            case CaseFieldKind.Boolean:
                foreach (var g in _groupsOfBoolean[record.GetBoolean(_slot) ? 1 : 0]) groups[count++] = FirstGroup + g;
                return count;
            case CaseFieldKind.Set:
            {
                var members = record.GetSetWords(_slot);
                for (var g = 0; g < _groupWords.Length; g++)
                {
                    var words = _groupWords[g];
                    for (var w = 0; w < words.Length; w++)
                    {
                        if ((words[w] & members[w]) != 0)
                        {
                            groups[count++] = FirstGroup + g;
                            break;
                        }
                    }
                }

                return count;
            }

            case CaseFieldKind.Number:
            {
                var number = record.GetNumber(_slot);
                if (_groupOfWholeNumber is { } table && number >= 0 && number < table.Length && number == Math.Floor(number))
                {
                    var group = table[(int)number];
                    if (group >= 0) groups[count++] = FirstGroup + group;
                    return count;
                }

                for (var g = 0; g < _lows.Length; g++)
                {
                    if (number >= _lows[g] && number <= _highs[g]) groups[count++] = FirstGroup + g;
                }

                return count;
            }

            default:
                for (var g = 0; g < _groups.Length; g++)
                {
                    if (Contains(record, g)) groups[count++] = FirstGroup + g;
                }

                return count;
        }
    }

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
