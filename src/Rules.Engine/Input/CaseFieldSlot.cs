namespace Rules.Engine.Input;

/// <summary>
/// A case field as the readers see it: its name in the input, its dense slot index in
/// <see cref="CaseRecord"/>, its kind and, for enum and set fields, its options.
/// </summary>
/// <param name="Name">The field's name, as written after <c>case.</c> (e.g. <c>rosh</c>).</param>
/// <param name="Slot">The field's index, 0-based and dense over the schema's fields.</param>
/// <param name="Kind">Number, boolean, enum or set.</param>
/// <param name="Options">The options of an enum or set field; empty for numbers and booleans.</param>
public sealed record CaseFieldSlot(string Name, int Slot, CaseFieldKind Kind, OptionList Options);
