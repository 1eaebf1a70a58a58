using System.Collections.Immutable;
using Rules.Core.Evaluation;
using Rules.Core.Semantics;

namespace Rules.SampleData;

/// <summary>
/// Draws a case's field values. Fields the probation frameworks declare get distributions shaped
/// like the inspected caseloads of the bulletins (mostly men, mostly with indicators of risk of harm,
/// requirements only on community sentences, a caseload only where the practitioner was
/// interviewed...); any other field gets a plain draw by its type, so any framework can be sampled.
/// </summary>
public sealed class CaseFieldSampler
{
    // 001 Annex A: community sentences with unpaid work, rehabilitation activity and/or an accredited programme.
    private static readonly string[][] Community =
    [
        ["unpaid_work"], ["rar"], ["unpaid_work", "rar"], ["rar", "accredited_programme"],
        ["accredited_programme"], ["unpaid_work", "accredited_programme"],
    ];

    private static readonly string[][] Licence = [[], ["accredited_programme"]];

    /// <summary>Fields drawn first, in this order, because others depend on them.</summary>
    private static readonly string[] DrawOrder =
    [
        "type", "age", "sex", "ethnicity", "provider", "sentence_months", "previous_sanctions", "reoffending",
        "rosh", "harm_indicators", "interviewed", "caseload", "grade", "requirements",
    ];

    private readonly ImmutableArray<CaseFieldSymbol> _fields;
    private readonly Dictionary<string, CaseValue> _values = new();
    private static readonly CaseValue True = new CaseValue.Boolean(true);
    private static readonly CaseValue False = new CaseValue.Boolean(false);
    private static readonly CaseValue[] SmallNumbers = [.. Enumerable.Range(0, 201).Select(n => new CaseValue.Number(n))];
    private readonly Dictionary<(CaseFieldSymbol, string), CaseValue.Text> _texts = new();
    private readonly Dictionary<(CaseFieldSymbol, string), CaseValue?> _lists = new();

    public CaseFieldSampler(SemanticModel model)
    {
        _fields = [.. model.CaseFields
            .OrderBy(f => Array.IndexOf(DrawOrder, f.Name) is var i && i >= 0 ? i : DrawOrder.Length)];
    }

    /// <summary>Fills <paramref name="draft"/>'s fields. <paramref name="loose"/> lets any field take any
    /// value of its type now and then, which finds the cases a framework's checks reject.</summary>
    public void Fill(CaseDraft draft, Draw draw, bool loose = false)
    {
        var values = _values;
        values.Clear();
        foreach (var field in _fields)
        {
            var value = loose && draw.Chance(0.3) ? Plain(field, draw) : Realistic(field, values, draw);
            if (value is null) continue;
            values[field.Name] = value;
            draft.Fields[field] = value;
        }
    }

    private CaseValue? Realistic(CaseFieldSymbol field, Dictionary<string, CaseValue> values, Draw draw)
    {
        var postRelease = values.GetValueOrDefault("type") is CaseValue.Text { Value: "post_release" };
        switch (field.Name, field.Type)
        {
            case ("type", FieldTypeKind.Enum):
                return Pick(field, draw, ("community", 58), ("post_release", 42));
            case ("age", FieldTypeKind.Number):
            {
                // 001 Table B1 age groups: about a fifth 18-25, a third 26-35, most of the rest 36-55.
                var band = draw.Weighted([22, 33, 37, 8]);
                return Number(band switch
                {
                    0 => draw.Between(18, 25),
                    1 => draw.Between(26, 35),
                    2 => draw.Between(36, 55),
                    _ => draw.Between(56, 80),
                });
            }
            case ("sex", FieldTypeKind.Enum):
                return Pick(field, draw, ("male", 88), ("female", 12));
            case ("ethnicity", FieldTypeKind.Enum):
                // Now and then not recorded: the field is left out.
                return draw.Chance(0.015) ? null
                    : Pick(field, draw, ("white", 80), ("mixed", 4), ("asian", 6), ("black", 7), ("other", 3));
            case ("provider", FieldTypeKind.Enum):
            {
                return Pick(field, draw, ("crc", 60), ("nps", 40));
            }
            case ("sentence_months", FieldTypeKind.Number):
            {
                if (!postRelease)
                {
                    int[] lengths = [6, 9, 12, 18, 24, 36];
                    return Number(lengths[draw.Weighted([6, 5, 34, 20, 25, 10])]);
                }
                var band = draw.Weighted([28, 24, 48]);
                return Number(band switch
                {
                    0 => draw.Between(1, 6),
                    1 => draw.Between(7, 12),
                    _ => Math.Min(180, 13 + (int)(-30 * Math.Log(1 - draw.Unit()))),
                });
            }
            case ("previous_sanctions", FieldTypeKind.Number):
                return Number(draw.Chance(0.12) ? 0 : Math.Min(90, 1 + (int)(-9 * Math.Log(1 - draw.Unit()))));
            case ("reoffending", FieldTypeKind.Enum):
            {
                var sanctions = values.GetValueOrDefault("previous_sanctions") is CaseValue.Number n ? n.Value : 5;
                var shift = Math.Min(3.0, sanctions / 8.0);
                return Pick(field, draw, ("low", 40 - 8 * shift), ("medium", 32), ("high", 18 + 5 * shift), ("very_high", 6 + 3 * shift));
            }
            case ("rosh", FieldTypeKind.Enum):
                return Pick(field, draw, ("low", 22), ("medium", 55), ("high", 21), ("very_high", 2));
            case ("harm_indicators", FieldTypeKind.Boolean):
            {
                // 004 §1: medium RoSH and above mean there are indicators of serious harm.
                var rosh = values.GetValueOrDefault("rosh") as CaseValue.Text;
                var probability = rosh?.Value switch { "low" => 0.55, null => 0.8, _ => 0.995 };
                return Boolean(draw.Chance(probability));
            }
            case ("interviewed", FieldTypeKind.Boolean):
                // 002: 1,965 practitioner interviews for 3,308 cases.
                return Boolean(draw.Chance(0.6));
            case ("caseload", FieldTypeKind.Number):
            {
                // Asked in the practitioner interview: no value when there was none.
                if (values.GetValueOrDefault("interviewed") is CaseValue.Boolean { Value: false }) return null;
                return Number(Math.Clamp((int)Math.Round(44 + 13 * draw.Normal()), 5, 110));
            }
            case ("grade", FieldTypeKind.Enum):
                return Pick(field, draw, ("probation_officer", 64), ("probation_service_officer", 34), ("other", 2));
            case ("requirements", FieldTypeKind.Set):
            {
                var members = postRelease
                    ? Licence[draw.Weighted([85, 15])]
                    : Community[draw.Weighted([30, 30, 20, 12, 5, 3])];
                // An empty set is written as no value, the same in JSON Lines and CSV.
                return List(field, members);
            }
            default:
                return Plain(field, draw);
        }
    }

    /// <summary>A draw by type alone: numbers 0-100, booleans even, enums uniform, sets 40% per member.</summary>
    private CaseValue? Plain(CaseFieldSymbol field, Draw draw)
    {
        switch (field.Type)
        {
            case FieldTypeKind.Number:
                return Number(draw.Between(0, 100));
            case FieldTypeKind.Boolean:
                return Boolean(draw.Chance(0.5));
            case FieldTypeKind.Enum:
                return field.Values.IsEmpty ? null : Text(field, field.Values[draw.Between(0, field.Values.Length - 1)].Name);
            default:
            {
                var members = field.Values.Where(_ => draw.Chance(0.4)).Select(v => v.Name).ToArray();
                return List(field, members);
            }
        }
    }

    private static CaseValue Number(int value) =>
        value >= 0 && value < SmallNumbers.Length ? SmallNumbers[value] : new CaseValue.Number(value);

    private static CaseValue Boolean(bool value) => value ? True : False;

    private CaseValue.Text Text(CaseFieldSymbol field, string name)
    {
        if (!_texts.TryGetValue((field, name), out var text)) _texts[(field, name)] = text = new CaseValue.Text(name);
        return text;
    }

    /// <summary>The set value of the members the field declares; null (no value) when none are.</summary>
    private CaseValue? List(CaseFieldSymbol field, string[] members)
    {
        var key = (field, string.Join(';', members));
        if (!_lists.TryGetValue(key, out var list))
        {
            var known = members.Where(m => field.FindValue(m) is not null).ToImmutableArray();
            _lists[key] = list = known.IsEmpty ? null : new CaseValue.List(known);
        }
        return list;
    }

    /// <summary>One of the named values by weight; values the field does not declare are skipped,
    /// and a field with none of them gets a uniform draw.</summary>
    private CaseValue? Pick(CaseFieldSymbol field, Draw draw, params ReadOnlySpan<(string Name, double Weight)> choices)
    {
        Span<double> weights = stackalloc double[choices.Length];
        var any = false;
        for (var i = 0; i < choices.Length; i++)
        {
            var declared = field.FindValue(choices[i].Name) is not null;
            weights[i] = declared ? choices[i].Weight : 0;
            any |= declared;
        }
        if (!any) return Plain(field, draw);
        return Text(field, choices[draw.Weighted(weights)].Name);
    }
}
