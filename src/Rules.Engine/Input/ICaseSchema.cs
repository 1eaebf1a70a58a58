using System.Collections.Immutable;

namespace Rules.Engine.Input;

/// <summary>
/// What the case readers need to know about a framework: its case fields and its answerable
/// codes, each with a dense slot index and its options. <see cref="CaseSchema"/> is the ready-made
/// implementation; a compiled framework provides one by building a <see cref="CaseSchema"/>.
/// </summary>
public interface ICaseSchema
{
    /// <summary>The case fields; <c>Fields[i].Slot == i</c>.</summary>
    ImmutableArray<CaseFieldSlot> Fields { get; }

    /// <summary>The answerable codes (key questions and prompts); <c>Answers[i].Slot == i</c>.</summary>
    ImmutableArray<AnswerSlot> Answers { get; }

    /// <summary>The case field with this name, or null. Must not allocate.</summary>
    CaseFieldSlot? FindField(ReadOnlySpan<char> name);

    /// <summary>The answerable item with this code, or null. Must not allocate.</summary>
    AnswerSlot? FindAnswer(ReadOnlySpan<char> code);
}
