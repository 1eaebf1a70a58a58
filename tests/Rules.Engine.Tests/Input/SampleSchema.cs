using System.Collections.Immutable;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Input;

/// <summary>
/// A hand-made <see cref="ICaseSchema"/> with the case fields and items of LANGUAGE.md's example,
/// looked up by linear search so that the readers are tested against the interface alone.
/// </summary>
internal sealed class SampleSchema : ICaseSchema
{
    public static readonly OptionList YesNo = new(["yes", "no"]);
    public static readonly OptionList StartedPromptly = new(["yes", "should", "noncompliance"]);
    public static readonly OptionList NonComplianceRisks = new(["yes", "should", "none"]);

    public static SampleSchema Instance { get; } = new();

    private SampleSchema()
    {
        Fields =
        [
            new CaseFieldSlot("type", 0, CaseFieldKind.Enum, new OptionList(["community", "post_release"])),
            new CaseFieldSlot("rosh", 1, CaseFieldKind.Enum, new OptionList(["low", "medium", "high", "very_high"])),
            new CaseFieldSlot("age", 2, CaseFieldKind.Number, new OptionList([])),
            new CaseFieldSlot("harm_indicators", 3, CaseFieldKind.Boolean, new OptionList([])),
            new CaseFieldSlot("requirements", 4, CaseFieldKind.Set, new OptionList(["unpaid_work", "rar", "accredited_programme"])),
        ];
        Answers =
        [
            new AnswerSlot("2.4.1", 0, YesNo),
            new AnswerSlot("2.4.1.a", 1, StartedPromptly),
            new AnswerSlot("2.4.1.b", 2, YesNo),
            new AnswerSlot("2.4.1.c", 3, NonComplianceRisks),
            new AnswerSlot("2.4.1.d", 4, YesNo),
            new AnswerSlot("2.4.2", 5, YesNo),
            new AnswerSlot("2.4.3", 6, YesNo),
            new AnswerSlot("2.4.3.a", 7, YesNo),
        ];
    }

    public ImmutableArray<CaseFieldSlot> Fields { get; }

    public ImmutableArray<AnswerSlot> Answers { get; }

    public CaseFieldSlot? FindField(ReadOnlySpan<char> name)
    {
        foreach (var field in Fields)
        {
            if (name.SequenceEqual(field.Name)) return field;
        }

        return null;
    }

    public AnswerSlot? FindAnswer(ReadOnlySpan<char> code)
    {
        foreach (var answer in Answers)
        {
            if (code.SequenceEqual(answer.Code)) return answer;
        }

        return null;
    }

    public static int Field(string name) => Instance.FindField(name)!.Slot;

    public static int Answer(string code) => Instance.FindAnswer(code)!.Slot;
}
