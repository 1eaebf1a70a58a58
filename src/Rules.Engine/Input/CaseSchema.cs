using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Rules.Engine.Input;

/// <summary>
/// The standard <see cref="ICaseSchema"/>: built from the framework's case fields and answerable
/// codes in the order given (which becomes the slot order), with non-allocating lookups.
/// </summary>
public sealed class CaseSchema : ICaseSchema
{
    private readonly FrozenDictionary<string, CaseFieldSlot>.AlternateLookup<ReadOnlySpan<char>> _fields;
    private readonly FrozenDictionary<string, AnswerSlot>.AlternateLookup<ReadOnlySpan<char>> _answers;

    private CaseSchema(ImmutableArray<CaseFieldSlot> fields, ImmutableArray<AnswerSlot> answers)
    {
        Fields = fields;
        Answers = answers;
        _fields = fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _answers = answers.ToFrozenDictionary(a => a.Code, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ImmutableArray<CaseFieldSlot> Fields { get; }

    public ImmutableArray<AnswerSlot> Answers { get; }

    /// <summary>
    /// Builds a schema. Fields and answers receive slots in the order given. Names and codes must be
    /// unique; the options of number and boolean fields are ignored.
    /// </summary>
    public static CaseSchema Create(
        IEnumerable<(string Name, CaseFieldKind Kind, OptionList? Options)> fields,
        IEnumerable<(string Code, OptionList Options)> answers)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(answers);
        var empty = new OptionList([]);
        var fieldSlots = ImmutableArray.CreateBuilder<CaseFieldSlot>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, kind, options) in fields)
        {
            if (!names.Add(name)) throw new ArgumentException($"The case field '{name}' is declared twice.", nameof(fields));
            var hasOptions = kind is CaseFieldKind.Enum or CaseFieldKind.Set;
            fieldSlots.Add(new CaseFieldSlot(name, fieldSlots.Count, kind, hasOptions ? options ?? empty : empty));
        }

        var answerSlots = ImmutableArray.CreateBuilder<AnswerSlot>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, options) in answers)
        {
            ArgumentNullException.ThrowIfNull(options);
            if (!codes.Add(code)) throw new ArgumentException($"The code '{code}' is declared twice.", nameof(answers));
            answerSlots.Add(new AnswerSlot(code, answerSlots.Count, options));
        }

        return new CaseSchema(fieldSlots.ToImmutable(), answerSlots.ToImmutable());
    }

    public CaseFieldSlot? FindField(ReadOnlySpan<char> name) => _fields.TryGetValue(name, out var field) ? field : null;

    public AnswerSlot? FindAnswer(ReadOnlySpan<char> code) => _answers.TryGetValue(code, out var answer) ? answer : null;
}
