namespace Rules.Core.Semantics;

/// <summary>One entry of <see cref="FileBinding.Interface"/>: a kind ('Q' key question, 'P' prompt, ...), the name or
/// code, and what became of it: values, so that recording one builds no string (a check records every declaration).</summary>
internal readonly record struct FileDeclaration(char Kind, string Name, DeclarationOutcome Outcome);

internal enum DeclarationOutcome : byte
{
    Declared,
    Duplicate,
    Invalid,
}
