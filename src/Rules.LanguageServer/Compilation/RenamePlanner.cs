using System.Collections.Immutable;
using Rules.Core.Semantics;
using Rules.Core.Text;

namespace Rules.LanguageServer.Compilation;

/// <summary>One text replacement of a rename: a span of a file.</summary>
public sealed record RenameEdit(string Path, SourceText Source, TextSpan Span, string NewText);

/// <summary>
/// Semantic renaming: every declaration and reference of one symbol (never other symbols of the same
/// name), within codes too (renaming prompt <c>a</c> of 2.4.1 rewrites <c>2.4.1.a</c>). Renaming a code
/// rewrites every code derived from it: key question 2.4.1 rewrites its prompts' codes and <c>2.4.1.*</c>;
/// standard 2.4 rewrites its key questions and their prompts; domain 2 rewrites its standards and all below.
/// Refuses names that are not valid for the symbol or that clash with a name in the same scope (or, for a
/// code, make a derived code clash), with a message saying why.
/// </summary>
public static class RenamePlanner
{
    /// <summary>Null when the symbol can be renamed to the name, else why not.</summary>
    public static string? Validate(SemanticModel model, Symbol symbol, string newName)
    {
        if (symbol is TestSymbol or CheckSymbol or FrameworkSymbol)
            return $"{symbol.Display} is named by a text in quotes; edit the text instead of renaming.";
        if (symbol is DomainSymbol domain)
        {
            if (!NameRules.IsCode(newName, 1))
                return $"'{newName}' is not a domain number: write a whole number, like {domain.Name}.";
            if (model.Domains.FirstOrDefault(d => d.Name == newName) is { } existing && !ReferenceEquals(existing, symbol))
                return $"'{newName}' is already used by {existing.Display}.";
            return DerivedCodeClash(model, symbol, newName);
        }
        if (symbol is StandardSymbol standard)
        {
            if (!NameRules.IsCode(newName, 2))
                return $"'{newName}' is not a standard code: write its domain's number and one more number, like {standard.Code}.";
            if (standard.Domain.Name.Length > 0 && !newName.StartsWith(standard.Domain.Name + ".", StringComparison.Ordinal))
                return $"'{newName}' must start with the number of its domain, {standard.Domain.Name}: renaming does not move a standard to another domain.";
            if (model.Standards.FirstOrDefault(s => s.Code == newName) is { } existing && !ReferenceEquals(existing, symbol))
                return $"'{newName}' is already used by {existing.Display}.";
            return DerivedCodeClash(model, symbol, newName);
        }
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
        if (symbol is DomainSymbol or StandardSymbol or KeyQuestionSymbol)
        {
            // A code is the first part of every code under it: rewrite that first part wherever one of them is
            // written (declarations, references, test answers and expectations, the 2.4.1 of 2.4.1.*).
            foreach (var member in CodeFamily(model, symbol))
            foreach (var reference in model.FindReferences(member))
                AddCodeEdit(edits, reference.Location, symbol.Name, newName);
        }
        else
        {
            var oldName = NameOf(symbol);
            foreach (var reference in model.FindReferences(symbol))
                AddEdit(edits, reference.Location, oldName, newName);
        }
        return [.. edits.DistinctBy(e => (e.Path, e.Span)).OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Span.Start)];
    }

    /// <summary>
    /// A domain, standard or key question and everything whose code starts with its code: a domain's standards,
    /// a standard's key questions, a key question's prompts (LANGUAGE.md: a key question's code extends its
    /// standard's code by one part; a standard's code starts with its domain's number).
    /// </summary>
    public static IEnumerable<Symbol> CodeFamily(SemanticModel model, Symbol symbol) => symbol switch
    {
        DomainSymbol domain => [domain, .. model.StandardsOf(domain).SelectMany(s => CodeFamily(model, s))],
        StandardSymbol standard => [standard, .. standard.KeyQuestions.SelectMany(k => CodeFamily(model, k))],
        KeyQuestionSymbol keyQuestion => [keyQuestion, .. keyQuestion.Prompts],
        _ => [symbol],
    };

    /// <summary>The code <paramref name="code"/> would become when the code <paramref name="oldPrefix"/> is renamed, or null if it is not under it.</summary>
    public static string? Recode(string code, string oldPrefix, string newPrefix) =>
        code == oldPrefix ? newPrefix
        : code.StartsWith(oldPrefix + ".", StringComparison.Ordinal) ? newPrefix + code[oldPrefix.Length..]
        : null;

    /// <summary>Why renaming would give a standard or question the code of another one, or null.</summary>
    private static string? DerivedCodeClash(SemanticModel model, Symbol symbol, string newName)
    {
        var family = CodeFamily(model, symbol).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var member in family.OfType<RoutedSymbol>())
        {
            if (Recode(member.Code, symbol.Name, newName) is not { } newCode) continue;
            Symbol? existing = member is StandardSymbol
                ? model.Standards.FirstOrDefault(s => s.Code == newCode)
                : model.FindQuestion(newCode);
            if (existing is not null && !family.Contains(existing))
                return $"Renaming {symbol.Display} to {newName} would make {member.Display} {newCode}, which is already used by {existing.Display}.";
        }
        return null;
    }

    /// <summary>Replaces <paramref name="oldCode"/> where the text at the location is that code or starts with it and a dot.</summary>
    private static void AddCodeEdit(List<RenameEdit> edits, Rules.Core.Diagnostics.Location location, string oldCode, string newCode)
    {
        var span = location.Span;
        if (span.End > location.Source.Length) return;
        var text = location.Source.Text.Substring(span.Start, span.Length);
        if (Recode(text, oldCode, newCode) is null) return; // a prompt's letter in its declaration
        edits.Add(new RenameEdit(location.Path, location.Source, new TextSpan(span.Start, oldCode.Length), newCode));
    }

    private static void AddEdit(List<RenameEdit> edits, Rules.Core.Diagnostics.Location location, string oldName, string newName)
    {
        var span = location.Span;
        if (span.End > location.Source.Length) return;
        var text = location.Source.Text.Substring(span.Start, span.Length);
        TextSpan? target = null;
        if (text == oldName) target = span;
        else if (text.EndsWith("." + oldName, StringComparison.Ordinal)) target = new TextSpan(span.End - oldName.Length, oldName.Length);
        else if (text.StartsWith(oldName + ".", StringComparison.Ordinal)) target = new TextSpan(span.Start, oldName.Length);
        if (target is { } t) edits.Add(new RenameEdit(location.Path, location.Source, t, newName));
    }
}
