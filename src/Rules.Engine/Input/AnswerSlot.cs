namespace Rules.Engine.Input;

/// <summary>
/// An answerable item (a key question or a prompt) as the readers see it: its code, its dense
/// slot index in <see cref="CaseRecord"/> and the options of its answer set.
/// </summary>
/// <param name="Code">The item's code, e.g. <c>2.4.1</c> or <c>2.4.1.a</c>.</param>
/// <param name="Slot">The item's index, 0-based and dense over the schema's answers.</param>
/// <param name="Options">The option names of the item's answer set.</param>
public sealed record AnswerSlot(string Code, int Slot, OptionList Options);
