using System.Collections.Immutable;
using Rules.Core.Semantics;
using Rules.Core.Text;

namespace Rules.LanguageServer.Compilation;

/// <summary>One text replacement of a rename: a span of a file.</summary>
public sealed record RenameEdit(string Path, SourceText Source, TextSpan Span, string NewText);

/// <summary>
/// Semantic renaming: every declaration and reference of one symbol (never other symbols of the same
/// name), within codes too (renaming prompt <c>a</c> of 2.4.1 rewrites <c>2.4.1.a</c>; renaming key
/// question 2.4.1 rewrites its prompts' codes). Refuses names that are not valid for the symbol or that
/// clash with a name in the same scope, with a message saying why.
/// </summary>
public static class RenamePlanner
{
    /// <summary>Null when the symbol can be renamed to the name, else why not.</summary>
    public static string? Validate(SemanticModel model, Symbol symbol, string newName)
    {
        if (symbol is TestSymbol or CheckSymbol or FrameworkSymbol)
            return $"{symbol.Display} is named by a text in quotes; edit the text instead of renaming.";
        if (symbol is DomainSymbol or StandardSymbol)
            return $"{symbol.Display} cannot be renamed: its code is part of every key question's and prompt's code.";
        if (symbol is KeyQuestionSymbol keyQuestion)
        {
            var parts = keyQuestion.Code.Split('.').Length;
            if (!NameRules.IsCode(newName, parts))
                return $"'{newName}' is not a key question code: write numbers separated by dots, like {keyQuestion.Code}.";
            if (!newName.StartsWith(keyQuestion.Standard.Code + ".", StringComparison.Ordinal))
                return $"'{newName}' must start with the code of its standard, {keyQuestion.Standard.Code}.";
            if (model.FindQuestion(newName) is { } existing && !ReferenceEquals(existing, symbol))
                return $"'{newName}' is already used by {existing.Display}.";
            return null;
        }
        if (!NameRules.IsIdentifier(newName))
            return $"'{newName}' is not a valid name: use letters, digits and '_', starting with a letter or '_'.";
        var clash = symbol switch
        {
            AnswerOptionSymbol option => option.AnswerSet.FindOption(newName),
            AnswerSetSymbol => model.FindAnswerSet(newName),
            CaseFieldSymbol => model.FindField(newName),
            FieldValueSymbol value => value.Field.FindValue(newName),
            ScaleSymbol => model.Scales.FirstOrDefault(s => s.Name == newName),
            LevelSymbol level => level.Scale.FindLevel(newName),
            PromptSymbol prompt => prompt.KeyQuestion.Prompts.FirstOrDefault(p => p.Letter == newName),
            BreakdownSymbol => model.Breakdowns.FirstOrDefault(b => b.Name == newName),
            _ => (Symbol?)null,
        };
        if (clash is not null && !ReferenceEquals(clash, symbol))
            return $"'{newName}' is already used by {clash.Display}.";
        return null;
    }

    /// <summary>The text the author sees as the symbol's name (the prompt's letter, not its full code).</summary>
    public static string NameOf(Symbol symbol) => symbol is PromptSymbol prompt ? prompt.Letter : symbol.Name;

    public static ImmutableArray<RenameEdit> Plan(SemanticModel model, Symbol symbol, string newName)
    {
        var edits = new List<RenameEdit>();
        var oldName = NameOf(symbol);
        foreach (var reference in model.FindReferences(symbol))
            AddEdit(edits, reference.Location, oldName, newName, head: false);
        if (symbol is KeyQuestionSymbol keyQuestion)
            foreach (var prompt in keyQuestion.Prompts)
            foreach (var reference in model.FindReferences(prompt))
                AddEdit(edits, reference.Location, keyQuestion.Code, newName, head: true);
        return [.. edits.DistinctBy(e => (e.Path, e.Span)).OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Span.Start)];
    }

    private static void AddEdit(List<RenameEdit> edits, Rules.Core.Diagnostics.Location location, string oldName, string newName, bool head)
    {
        var span = location.Span;
        if (span.End > location.Source.Length) return;
        var text = location.Source.Text.Substring(span.Start, span.Length);
        TextSpan? target = null;
        if (head)
        {
            if (text.StartsWith(oldName + ".", StringComparison.Ordinal)) target = new TextSpan(span.Start, oldName.Length);
        }
        else if (text == oldName) target = span;
        else if (text.EndsWith("." + oldName, StringComparison.Ordinal)) target = new TextSpan(span.End - oldName.Length, oldName.Length);
        else if (text.StartsWith(oldName + ".", StringComparison.Ordinal)) target = new TextSpan(span.Start, oldName.Length);
        if (target is { } t) edits.Add(new RenameEdit(location.Path, location.Source, t, newName));
    }
}
