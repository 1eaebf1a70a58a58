using System.Collections.Immutable;
using System.Globalization;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;
using Rules.Core.Syntax;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;
using Lsp = Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>
/// Quick fixes: "did you mean" replacements for RL0102–RL0105 (from the diagnostic's suggestion); for
/// RL0105 without a suggestion, adding the missing option to the question's answer set; for RL0401,
/// removing the unused answer set or scale.
/// </summary>
[Method(LspMethods.CodeAction)]
public sealed class CodeActionHandler(RulesProjectService projects)
    : IJsonRpcRequestHandler<CodeActionParams, ImmutableArray<CodeAction>?>, ICapabilityContributor
{
    // RL0001 carries a suggestion only for a misspelt keyword or a lone '=', RL0106 only for an option in quotes.
    private static readonly HashSet<string> DidYouMeanIds = new(StringComparer.Ordinal) { "RL0001", "RL0102", "RL0103", "RL0104", "RL0105", "RL0106" };

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { CodeActionProvider = new CodeActionOptions([CodeActionKind.QuickFix]) };

    public async Task<ImmutableArray<CodeAction>?> Handle(CodeActionParams request, CancellationToken cancellationToken)
    {
        if (await projects.AnalyzeAsync(request.TextDocument.Uri, cancellationToken) is not { } analysis) return null;
        projects.CurrentFileSystem(out var open);
        var actions = new List<CodeAction>();
        var uri = analysis.Document.Uri;
        foreach (var diagnostic in request.Context.Diagnostics)
        {
            if (diagnostic.Source is not (null or DiagnosticConverter.Source) || diagnostic.Code is null) continue;
            var suggestion = DiagnosticConverter.SuggestionOf(diagnostic) ?? SuggestionFromCompilation(analysis, diagnostic);
            if (DidYouMeanIds.Contains(diagnostic.Code) && suggestion is not null)
            {
                actions.Add(new CodeAction(Suggestions.FixTitle(suggestion), CodeActionKind.QuickFix, [diagnostic], IsPreferred: true,
                    Edit: Edit(uri, new TextEdit(diagnostic.Range, suggestion))));
            }
            else if (diagnostic.Code == "RL0105" && AddOption(analysis, diagnostic, open) is { } add)
            {
                actions.Add(add with { Diagnostics = [diagnostic] });
            }
            else if (diagnostic.Code == "RL0401" && RemoveDeclaration(analysis, diagnostic) is { } remove)
            {
                actions.Add(remove with { Diagnostics = [diagnostic] });
            }
        }
        return [.. actions];
    }

    private static WorkspaceEdit Edit(string uri, params TextEdit[] edits) =>
        new(ImmutableDictionary<string, ImmutableArray<TextEdit>>.Empty.Add(uri, [.. edits]));

    private static string? SuggestionFromCompilation(DocumentAnalysis analysis, Lsp.Diagnostic diagnostic)
    {
        var start = analysis.GetOffset(diagnostic.Range.Start);
        return analysis.Project.Compilation.Diagnostics
            .FirstOrDefault(d => d.Location.Path == analysis.Path && d.Location.Span.Start == start && d.Id == diagnostic.Code)?.Suggestion;
    }

    private static CodeAction? AddOption(DocumentAnalysis analysis, Lsp.Diagnostic diagnostic, IReadOnlyDictionary<string, Documents.DocumentSnapshot> open)
    {
        var start = analysis.GetOffset(diagnostic.Range.Start);
        var end = analysis.GetOffset(diagnostic.Range.End);
        if (end < start) return null; // an inverted range is no diagnostic of ours
        var name = analysis.Document.Text[start..end];
        if (!NameRules.IsIdentifier(name)) return null;
        var question = OptionOwnerFinder.QuestionFor(TokenIndex.Of(analysis.Tree), start, analysis.Model);
        if (question?.AnswerSet is not { Syntax: AnswerSetDeclarationSyntax declaration } set || declaration.Body.CloseBrace.IsMissing) return null;
        var source = set.Location.Source;
        var closeBrace = declaration.Body.CloseBrace.Span.Start;
        var lineStart = source.Text.LastIndexOf('\n', Math.Max(closeBrace - 1, 0)) + 1;
        var indent = declaration.Body.Members.FirstOrDefault() is { } first
            ? new string(' ', source.GetLinePosition(first.Span.Start).Character)
            : "  ";
        var label = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Replace('_', ' '));
        label = label.Length > 0 ? label[..1] + label[1..].ToLowerInvariant() : label;
        var onOwnLine = string.IsNullOrWhiteSpace(source.Text[lineStart..closeBrace]);
        var insertAt = onOwnLine ? lineStart : closeBrace;
        var text = onOwnLine ? $"{indent}{name} \"{label}\"\n" : $"\n{indent}{name} \"{label}\"\n";
        var position = source.GetLinePosition(insertAt);
        var range = Range.Create(position.Line, position.Character, position.Line, position.Character);
        return new CodeAction($"Add option '{name}' to answer set '{set.Name}'", CodeActionKind.QuickFix,
            Edit: Edit(LocationConverter.UriOf(set.Location.Path, open), new TextEdit(range, text)));
    }

    private static CodeAction? RemoveDeclaration(DocumentAnalysis analysis, Lsp.Diagnostic diagnostic)
    {
        var start = analysis.GetOffset(diagnostic.Range.Start);
        var declaration = analysis.Tree.Root.Declarations.FirstOrDefault(d =>
            (d is AnswerSetDeclarationSyntax a && a.Name.Span.Start == start) || (d is ScaleDeclarationSyntax s && s.Name.Span.Start == start));
        if (declaration is null) return null;
        var text = analysis.Document.Text;
        var from = text.LastIndexOf('\n', Math.Max(declaration.Span.Start - 1, 0)) + 1;
        if (declaration.Span.Start == 0) from = 0;
        var to = text.IndexOf('\n', declaration.Span.End);
        to = to < 0 ? text.Length : to + 1;
        // Also remove one blank line that separated it from what follows.
        var next = text.IndexOf('\n', to);
        if (next >= 0 && string.IsNullOrWhiteSpace(text[to..next])) to = next + 1;
        var name = declaration is AnswerSetDeclarationSyntax set ? $"answer set '{set.Name.Text}'" : $"scale '{((ScaleDeclarationSyntax)declaration).Name.Text}'";
        return new CodeAction($"Remove unused {name}", CodeActionKind.QuickFix,
            Edit: Edit(analysis.Document.Uri, new TextEdit(analysis.Document.GetRange(from, to), "")));
    }
}
