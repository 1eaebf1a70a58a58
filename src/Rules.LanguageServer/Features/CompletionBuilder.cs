using System.Collections.Immutable;
using Rules.Core.Semantics;
using Rules.Core.Syntax;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Collects completion items (once per label), each replacing the word being typed.</summary>
internal sealed class CompletionBuilder(DocumentAnalysis analysis, int offset)
{
    private readonly List<CompletionItem> _items = [];
    private readonly HashSet<string> _labels = new(StringComparer.Ordinal);
    private Range _replace = analysis.Document.GetRange(offset, offset);

    public void ReplaceFrom(int start) => _replace = analysis.Document.GetRange(Math.Min(start, offset), offset);

    public ImmutableArray<CompletionItem> Build() => [.. _items];

    private void Add(string label, CompletionItemKind kind, string? detail, string? documentation = null, string? insert = null,
        InsertTextFormat? format = null, string? sort = null)
    {
        if (!_labels.Add(label)) return;
        _items.Add(new CompletionItem(label, kind, detail,
            documentation is null ? null : MarkupContent.Markdown(documentation),
            SortText: sort ?? $"{_items.Count:D5}",
            FilterText: label,
            InsertTextFormat: format,
            TextEdit: new TextEdit(_replace, insert ?? label)));
    }

    public void Keyword(string keyword, string? suffix = null) => Add(keyword, CompletionItemKind.Keyword, null, insert: keyword + suffix);

    public void Keywords(params string[] keywords)
    {
        foreach (var keyword in keywords) Keyword(keyword);
    }

    public void Function(string name) =>
        Add(name, CompletionItemKind.Function, $"{name}(2.4.1.* is positive)", insert: name + "(");

    public void Snippet(string label, string body, string detail) =>
        _items.Add(new CompletionItem(label + " …", CompletionItemKind.Snippet, detail, SortText: $"1{_items.Count:D4}",
            FilterText: label, InsertTextFormat: InsertTextFormat.Snippet, TextEdit: new TextEdit(_replace, body)));

    public void Question(QuestionSymbol question) =>
        Add(question.Code, CompletionItemKind.Reference, question.Text, SymbolDescriber.Describe(question, markdown: true),
            sort: "0" + string.Join('.', question.Code.Split('.').Select(p => p.PadLeft(4, '0'))));

    public void Field(CaseFieldSymbol field, bool withPrefix = false) =>
        Add(field.Name, CompletionItemKind.Field, $"{field.Label}: {field.TypeDisplay}", insert: withPrefix ? "case." + field.Name : null);

    public void AnswerSet(AnswerSetSymbol set) =>
        Add(set.Name, CompletionItemKind.Enum, string.Join(" | ", set.Options.Select(o => o.Name)), SymbolDescriber.Describe(set, markdown: true));

    public void Level(LevelSymbol level) => Add(level.Name, CompletionItemKind.EnumMember, level.Label);

    public void Option(AnswerOptionSymbol option) =>
        Add(option.Name, CompletionItemKind.EnumMember, $"\"{option.Label}\" — {SymbolDescriber.Outcome(option.Outcome)}");

    public void FieldValues(CaseFieldSymbol? field)
    {
        if (field is null) return;
        if (field.Type == FieldTypeKind.Boolean)
            Keywords("true", "false");
        foreach (var value in field.Values)
            Add(value.Name, CompletionItemKind.EnumMember, field.Label);
    }

    /// <summary>The options of a question (a code token) or the values of a field (a field name token).</summary>
    public void ValuesOf(SyntaxToken? written, SemanticModel model)
    {
        if (written is not { } operand) return;
        if (operand.Kind == SyntaxKind.CodeToken)
        {
            if (model.FindQuestion(operand.Text)?.AnswerSet is { } set)
                foreach (var option in set.Options) Option(option);
            else if (operand.Text.EndsWith(".*", StringComparison.Ordinal))
                foreach (var option in model.Questions.Where(q => q.Code.StartsWith(operand.Text[..^1], StringComparison.Ordinal))
                             .SelectMany(q => q.AnswerSet?.Options ?? []))
                    Option(option);
            return;
        }
        FieldValues(model.FindField(operand.Text));
    }
}
