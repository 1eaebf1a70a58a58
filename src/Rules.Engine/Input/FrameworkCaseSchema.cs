using System.Collections.Immutable;
using Rules.Core.Evaluation;
using Rules.Core.Semantics;

namespace Rules.Engine.Input;

/// <summary>
/// The <see cref="ICaseSchema"/> of a bound framework: field slots follow
/// <see cref="SemanticModel.CaseFields"/>, answer slots follow <see cref="SemanticModel.Questions"/>
/// (each key question before its prompts), option indices follow the symbols' <c>Index</c>.
/// <see cref="FieldSymbols"/> and <see cref="Questions"/> map slots back to symbols.
/// </summary>
public sealed class FrameworkCaseSchema : ICaseSchema
{
    private readonly CaseSchema _schema;

    private FrameworkCaseSchema(SemanticModel model, CaseSchema schema, ImmutableArray<CaseFieldSymbol> fields, ImmutableArray<QuestionSymbol> questions)
    {
        Model = model;
        _schema = schema;
        FieldSymbols = fields;
        Questions = questions;
    }

    public SemanticModel Model { get; }

    /// <summary>The case field in each field slot.</summary>
    public ImmutableArray<CaseFieldSymbol> FieldSymbols { get; }

    /// <summary>The key question or prompt in each answer slot.</summary>
    public ImmutableArray<QuestionSymbol> Questions { get; }

    public ImmutableArray<CaseFieldSlot> Fields => _schema.Fields;

    public ImmutableArray<AnswerSlot> Answers => _schema.Answers;

    /// <summary>
    /// Builds the schema of a framework. A model with binding errors still gives a schema (a name
    /// declared twice keeps its first declaration; a question whose answer set is unknown accepts
    /// no answer), but such a framework should not be evaluated.
    /// </summary>
    public static FrameworkCaseSchema Create(SemanticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fields = model.CaseFields.DistinctBy(f => f.Name, StringComparer.Ordinal).ToImmutableArray();
        var questions = model.Questions.DistinctBy(q => q.Code, StringComparer.Ordinal).ToImmutableArray();
        var answerSets = new Dictionary<AnswerSetSymbol, OptionList>();
        var noOptions = new OptionList([]);

        OptionList OptionsOf(AnswerSetSymbol? set)
        {
            if (set is null) return noOptions;
            if (!answerSets.TryGetValue(set, out var options))
            {
                options = new OptionList(set.Options.OrderBy(o => o.Index).Select(o => o.Name).Distinct(StringComparer.Ordinal));
                answerSets.Add(set, options);
            }

            return options;
        }

        var schema = CaseSchema.Create(
            fields.Select(f => (f.Name, KindOf(f.Type), (OptionList?)new OptionList(f.Values.OrderBy(v => v.Index).Select(v => v.Name).Distinct(StringComparer.Ordinal)))),
            questions.Select(q => (q.Code, OptionsOf(q.AnswerSet))));
        return new FrameworkCaseSchema(model, schema, fields, questions);
    }

    public CaseFieldSlot? FindField(ReadOnlySpan<char> name) => _schema.FindField(name);

    public AnswerSlot? FindAnswer(ReadOnlySpan<char> code) => _schema.FindAnswer(code);

    /// <summary>
    /// The record as the reference interpreter's input (allocates; for <c>rules explain</c> and for
    /// cross-checking a fast evaluator). Only values that were read successfully are included.
    /// </summary>
    public CaseAssessment ToAssessment(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = ImmutableDictionary.CreateBuilder<string, CaseValue>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (!record.HasValue(field.Slot)) continue;
            CaseValue value = field.Kind switch
            {
                CaseFieldKind.Number => new CaseValue.Number(record.GetNumber(field.Slot)),
                CaseFieldKind.Boolean => new CaseValue.Boolean(record.GetBoolean(field.Slot)),
                CaseFieldKind.Enum => new CaseValue.Text(field.Options.Names[record.GetOption(field.Slot)]),
                _ => new CaseValue.List([.. field.Options.Names.Where((_, i) => record.SetContains(field.Slot, i))]),
            };
            fields.Add(field.Name, value);
        }

        var answers = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var answer in Answers)
        {
            var option = record.GetAnswer(answer.Slot);
            if (option != CaseRecord.NoAnswer) answers.Add(answer.Code, answer.Options.Names[option]);
        }

        return new CaseAssessment(record.Id ?? "", record.Inspection, fields.ToImmutable(), answers.ToImmutable(), record.Line);
    }

    private static CaseFieldKind KindOf(FieldTypeKind type) => type switch
    {
        FieldTypeKind.Number => CaseFieldKind.Number,
        FieldTypeKind.Boolean => CaseFieldKind.Boolean,
        FieldTypeKind.Enum => CaseFieldKind.Enum,
        _ => CaseFieldKind.Set,
    };
}
