using System.Collections.Immutable;
using Rules.Core.Evaluation;
using Rules.Core.Semantics;
using Rules.Core.Syntax;

namespace Rules.SampleData;

/// <summary>
/// Makes case assessments for a framework, one at a time (nothing is kept but the first record):
/// fields drawn by <see cref="CaseFieldSampler"/>, then exactly the items that apply answered by
/// <see cref="AnswerSampler"/> in routing order; a case that trips a check or raises a signal is drawn
/// again. Among them, at fixed places, records that show each kind of rejection and warning (from
/// 100 records up). The same model, count and seed give the same records.
/// </summary>
public sealed class SampleGenerator
{
    /// <summary>A case field the framework does not declare (RL1103), as in a fuller data export.</summary>
    private const string ExtraFieldBase = "offence_type";

    private const int Attempts = 1000;
    private const int SearchAttempts = 50_000;

    private readonly SemanticModel _model;
    private readonly CaseFieldSampler _fields;
    private readonly AnswerSampler _answers;
    private readonly ReferenceInterpreter _interpreter;
    private readonly ImmutableArray<QuestionSymbol> _questions;
    private readonly int _count;
    private readonly int _seed;
    private readonly bool _verify;
    private readonly int _idWidth;

    /// <param name="count">Records to make, invalid ones included.</param>
    /// <param name="verify">Check every clean case with the <see cref="ReferenceInterpreter"/> too.</param>
    public SampleGenerator(SemanticModel model, int count, int seed, bool verify = true)
    {
        if (model.Framework is null) throw new SampleDataException("The model is not a framework (no 'framework' declaration).");
        if (count < 0) throw new SampleDataException("The number of cases cannot be negative.");
        _model = model;
        _count = count;
        _seed = seed;
        _verify = verify;
        _fields = new CaseFieldSampler(model);
        _answers = new AnswerSampler(model);
        _interpreter = new ReferenceInterpreter(model);
        _questions = FrameworkOrder.Questions(model);
        _idWidth = Math.Max(4, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        ExtraField = Unused(ExtraFieldBase, name => model.FindField(name) is not null);
        ExtraCode = UnknownCode(model);
        FieldColumns = [.. model.CaseFields.Select(f => f.Name), .. Specials.IsEmpty ? [] : new[] { ExtraField }];
        CodeColumns = [.. _questions.Select(q => q.Code), .. Specials.IsEmpty ? [] : new[] { ExtraCode }];
    }

    /// <summary>The invalid or warning records, in the order they appear.</summary>
    public ImmutableArray<SpecialRecord> Specials => _count >= 100 ? SpecialRecords.All : [];

    /// <summary>Case fields in output order: the framework's, then the undeclared one.</summary>
    public ImmutableArray<string> FieldColumns { get; }

    /// <summary>Codes in output order: the framework's (<see cref="FrameworkOrder"/>), then the unknown one.</summary>
    public ImmutableArray<string> CodeColumns { get; }

    public string ExtraField { get; }

    public string ExtraCode { get; }

    public IEnumerable<SampleRecord> Generate()
    {
        var draw = new Draw(_seed);
        var draft = new CaseDraft();
        var specials = Specials;
        var places = specials.Select((_, i) => (int)((i + 0.5) * _count / specials.Length)).ToArray();
        SampleRecord? first = null;
        for (var index = 0; index < _count; index++)
        {
            var number = index + 1;
            var inspection = InspectionPlan.At(index, _count);
            var special = Array.IndexOf(places, index);
            var record = special >= 0
                ? Special(specials[special].Kind, number, inspection, draw, draft, first)
                : Clean(number, inspection, draw, draft);
            first ??= record;
            yield return record;
        }
    }

    private string IdOf(int number) => "C-" + number.ToString("D" + _idWidth, System.Globalization.CultureInfo.InvariantCulture);

    private SampleRecord Clean(int number, SampleInspection inspection, Draw draw, CaseDraft draft)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            draft.Clear();
            _fields.Fill(draft, draw);
            _answers.Answer(draft, draw, inspection.Quality);
            if (_model.AllChecks.Any(draft.Holds)) continue;
            var record = ToRecord(number, IdOf(number), inspection, draft, [], "a clean case");
            if (_verify) Expect(record, []);
            return record;
        }
        throw new SampleDataException(
            $"No case free of checks and signals was found in {Attempts} draws; the framework's checks or signals may hold for nearly every case.");
    }

    private SampleRecord Special(SpecialKind kind, int number, SampleInspection inspection, Draw draw, CaseDraft draft, SampleRecord? first)
    {
        var id = IdOf(number);
        var purpose = SpecialRecords.All.First(s => s.Kind == kind).Purpose;
        switch (kind)
        {
            case SpecialKind.Truncated:
                return Clean(number, inspection, draw, draft) with { Defect = RecordDefect.Truncated, Intended = ["RL1001"], Purpose = purpose };
            case SpecialKind.MissingId:
                return Clean(number, inspection, draw, draft) with { Id = null, Defect = RecordDefect.MissingId, Intended = ["RL1001"], Purpose = purpose };
            case SpecialKind.DuplicateId:
                return (first ?? throw new SampleDataException("A duplicate needs an earlier record."))
                    with { Number = number, Intended = ["RL1006"], Purpose = purpose };
        }
        for (var attempt = 0; attempt < SearchAttempts; attempt++)
        {
            var candidate = kind switch
            {
                SpecialKind.CheckFails => Drawn(number, id, inspection, draw, draft, loose: true),
                SpecialKind.SignalRaised => Drawn(number, id, inspection, draw, draft, loose: false),
                _ => Altered(kind, Clean(number, inspection, draw, draft), draft),
            };
            if (candidate is null) continue;
            var intended = SpecialRecords.All.First(s => s.Kind == kind).Ids;
            if (!SameIds(Problems(candidate), intended)) continue;
            return candidate with { Intended = intended, Purpose = purpose };
        }
        throw new SampleDataException($"No record showing {purpose} was found in {SearchAttempts} draws.");
    }

    /// <summary>A case drawn without redrawing on checks and signals (fields loosely drawn when asked).</summary>
    private SampleRecord Drawn(int number, string id, SampleInspection inspection, Draw draw, CaseDraft draft, bool loose)
    {
        draft.Clear();
        _fields.Fill(draft, draw, loose);
        _answers.Answer(draft, draw, inspection.Quality);
        return ToRecord(number, id, inspection, draft, [], "");
    }

    /// <summary>A clean case changed to show one problem; null when this case cannot show it.</summary>
    private SampleRecord? Altered(SpecialKind kind, SampleRecord clean, CaseDraft draft)
    {
        switch (kind)
        {
            case SpecialKind.UnknownCode:
            {
                var option = _questions[0].AnswerSet!.Options[0].Name;
                return clean with { Answers = clean.Answers.Add(new(ExtraCode, option)) };
            }
            case SpecialKind.OptionNotInSet:
            {
                // An option's label where its name belongs, as an export of labels would have it.
                var index = clean.Answers.IndexOf(clean.Answers.FirstOrDefault(a => Label(a) is not null));
                if (index < 0) return null;
                var answer = clean.Answers[index];
                return clean with { Answers = clean.Answers.SetItem(index, new(answer.Key, Label(answer)!)) };
            }
            case SpecialKind.WrongFieldType:
            {
                var index = clean.Fields.IndexOf(clean.Fields.FirstOrDefault(f => f.Value is CaseValue.Number));
                if (index < 0) return null;
                var (name, value) = clean.Fields[index];
                var text = name == "age" ? $"{value} years" : $"about {value}";
                return clean with { Fields = clean.Fields.SetItem(index, new(name, new CaseValue.Text(text))) };
            }
            case SpecialKind.MissingAnswer:
            {
                // The last prompt answered (a key question when there is no prompt): left blank.
                var answered = clean.Answers.Where(a => _model.FindQuestion(a.Key) is PromptSymbol).ToList();
                if (answered.Count == 0) answered = [.. clean.Answers];
                if (answered.Count == 0) return null;
                return clean with { Answers = clean.Answers.Remove(answered[^1]) };
            }
            case SpecialKind.InapplicableAnswer:
            {
                var item = _questions.FirstOrDefault(q => !draft.Applies(q));
                if (item is null) return null;
                var answers = clean.Answers.Add(new(item.Code, item.AnswerSet!.Options[0].Name));
                return clean with { Answers = [.. answers.OrderBy(a => a.Key, FrameworkOrder.CodeComparer.Instance)] };
            }
            case SpecialKind.UnknownField:
                return clean with { Fields = clean.Fields.Add(new(ExtraField, new CaseValue.Text("burglary"))) };
            default:
                return null;
        }
    }

    /// <summary>The label of the answer's option, when it is not itself an option name.</summary>
    private string? Label(KeyValuePair<string, string> answer)
    {
        var set = _model.FindQuestion(answer.Key)?.AnswerSet;
        var label = set?.FindOption(answer.Value)?.Label;
        return label is not null && set!.FindOption(label) is null ? label : null;
    }

    private SampleRecord ToRecord(int number, string? id, SampleInspection inspection, CaseDraft draft, ImmutableArray<string> intended, string purpose)
    {
        var fields = ImmutableArray.CreateBuilder<KeyValuePair<string, CaseValue>>(draft.Fields.Count);
        foreach (var field in _model.CaseFields)
            if (draft.Fields.TryGetValue(field, out var value))
                fields.Add(new(field.Name, value));
        var answers = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>(draft.Answers.Count);
        foreach (var question in _questions)
            if (draft.Answers.TryGetValue(question, out var option))
                answers.Add(new(question.Code, option.Name));
        return new SampleRecord(number, id, inspection.Name, fields.ToImmutable(), answers.ToImmutable(), RecordDefect.None, intended, purpose);
    }

    /// <summary>The ids the reference interpreter reports for the record's content, sorted.</summary>
    public ImmutableArray<string> Problems(SampleRecord record) =>
        [.. _interpreter.Evaluate(record.ToAssessment()).Problems.Select(p => p.Id).Order(StringComparer.Ordinal)];

    private void Expect(SampleRecord record, ImmutableArray<string> intended)
    {
        var problems = Problems(record);
        if (!SameIds(problems, intended))
            throw new SampleDataException(
                $"Generator fault: case {record.Id} was made to report [{string.Join(", ", intended)}] but the reference interpreter reports [{string.Join(", ", problems)}].");
    }

    private static bool SameIds(ImmutableArray<string> a, ImmutableArray<string> b) => a.SequenceEqual(b);

    private static string Unused(string name, Func<string, bool> taken)
    {
        var candidate = name;
        for (var i = 2; taken(candidate); i++) candidate = name + "_" + i;
        return candidate;
    }

    /// <summary>A key question code the framework lacks, next to its first rated standard's last one (2.2.4 beside 2.2.3).</summary>
    private static string UnknownCode(SemanticModel model)
    {
        var standard = model.Standards.Where(s => !s.KeyQuestions.IsEmpty)
            .OrderBy(s => s.Rating == RatingMethod.LowestKeyQuestion ? 0 : 1)
            .ThenBy(s => s.Code, FrameworkOrder.CodeComparer.Instance)
            .FirstOrDefault();
        var prefix = standard?.Code ?? "9.9";
        for (var n = (standard?.KeyQuestions.Length ?? 0) + 1; ; n++)
        {
            var code = $"{prefix}.{n}";
            if (model.FindQuestion(code) is null) return code;
        }
    }
}
