using Rules.Core.Parsing;
using System.Collections.Immutable;
using Rules.Core.Semantics;
using Rules.Core.Syntax;
using Rules.Core.Workspace;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>
/// Completion by what may be written at the cursor: keywords of the enclosing block, question codes in
/// conditions and tests, the options of the question (or values of the field) on the left of
/// <c>==</c>/<c>!=</c>/<c>in {…}</c>, fields after <c>case.</c>, answer sets after the colon of a question,
/// outcomes after <c>is</c>, library files inside an <c>import</c>'s quotes, and snippets for declarations.
/// </summary>
[Method(LspMethods.Completion)]
public sealed class CompletionHandler(RulesProjectService projects, ClientSession client)
    : IJsonRpcRequestHandler<CompletionParams, CompletionList?>, ICapabilityContributor
{
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { CompletionProvider = new CompletionOptions(TriggerCharacters: [".", " ", "{", ":", "(", "\"", "/"]) }; // the last two: import paths

    public async Task<CompletionList?> Handle(CompletionParams request, CancellationToken cancellationToken)
    {
        if (await projects.AnalyzeAsync(request.TextDocument.Uri, cancellationToken) is not { } analysis) return null;
        var offset = analysis.GetOffset(request.Position);
        if (analysis.ImportAt(offset) is { Import.Path: { Kind: SyntaxKind.StringToken } path } && InsideQuotes(path).ContainsOrTouches(offset))
            return new CompletionList(false, ImportPaths(analysis, path, projects.LibraryFiles(analysis.Project.Project.WorkspaceRoot)));
        var items = Complete(analysis, offset, client.SupportsSnippets);
        return new CompletionList(false, items);
    }

    /// <summary>What is between an import path's quotes (to its end when unclosed), cursor positions at either end included.</summary>
    private static Rules.Core.Text.TextSpan InsideQuotes(SyntaxToken path)
    {
        var closed = path.Text.Length >= 2 && path.Text[^1] == '"';
        return new Rules.Core.Text.TextSpan(path.Span.Start + 1, Math.Max(0, path.Span.Length - (closed ? 2 : 1)));
    }

    /// <summary>
    /// Library files as the import would name them, relative to the document's folder, each replacing what is
    /// between the quotes; the document itself, and files the document's own project holds, are not offered.
    /// </summary>
    private static ImmutableArray<CompletionItem> ImportPaths(DocumentAnalysis analysis, SyntaxToken path, IEnumerable<string> libraryFiles)
    {
        var range = analysis.GetRange(InsideQuotes(path));
        var folder = PathUtil.Directory(analysis.Path);
        return
        [
            .. libraryFiles
                .Where(f => f != analysis.Path && !analysis.Project.Owns(f))
                .Select(f => PathUtil.RelativeFrom(folder, f))
                .Select(relative => new CompletionItem(relative, CompletionItemKind.File, Detail: "library file",
                    TextEdit: new TextEdit(range, relative))),
        ];
    }

    public static ImmutableArray<CompletionItem> Complete(DocumentAnalysis analysis, int offset, bool snippets)
    {
        var index = TokenIndex.Of(analysis.Tree);
        if (index.InCommentOrString(offset)) return [];
        var model = analysis.Model;
        var items = new CompletionBuilder(analysis, offset);

        // The word being typed (if any) is replaced; the context is what comes before it.
        var at = index.IndexAt(offset);
        var word = index.At(at);
        var start = word is { } w && TokenIndex.IsWord(w) && w.Span.Start < offset ? w.Span.Start : offset;
        var previousIndex = index.IndexBefore(start);
        var previous = index.At(previousIndex);
        var beforePrevious = index.At(previousIndex - 1);
        items.ReplaceFrom(CodeStart(analysis.Document.Text, offset, start));

        // case.|
        if (previous?.Kind == SyntaxKind.DotToken && beforePrevious?.IsKeyword("case") == true)
        {
            foreach (var field in model.CaseFields) items.Field(field);
            return items.Build();
        }

        var block = BlockContextFinder.Innermost(index, start);

        // REF is |
        if (previous?.IsKeyword("is") == true)
        {
            foreach (var outcome in new[] { "positive", "negative", "not_applicable", "answered" }) items.Keyword(outcome);
            return items.Build();
        }

        // REF == |, REF != |
        if (previous?.Kind is SyntaxKind.EqualsEqualsToken or SyntaxKind.BangEqualsToken)
        {
            items.ValuesOf(LeftOperand(index, previousIndex - 1), model);
            return items.Build();
        }

        // REF in { a, | }
        if (block.InSet)
        {
            var brace = previousIndex;
            while (brace >= 0 && index.Tokens[brace].Kind is not (SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken)) brace--;
            if (brace >= 1 && index.Tokens[brace - 1].IsKeyword("in"))
                items.ValuesOf(LeftOperand(index, brace - 2), model);
            else if (brace >= 2 && index.Tokens[brace - 1].Kind == SyntaxKind.ColonToken)
                items.ValuesOf(index.Tokens[brace - 2], model);
            return items.Build();
        }

        // key_question 2.4.1 "Text" : |   prompt a "Text" : |
        if (previous?.Kind == SyntaxKind.ColonToken && IsQuestionHeader(index, previousIndex))
        {
            foreach (var set in model.AnswerSets) items.AnswerSet(set);
            return items.Build();
        }

        switch (block.Block)
        {
            case BlockContext.TestAnswers:
                if (previous?.Kind == SyntaxKind.ColonToken && beforePrevious is not null)
                    items.ValuesOf(beforePrevious, model);
                else
                    foreach (var question in model.Questions) items.Question(question);
                return items.Build();
            case BlockContext.TestCase:
                if (previous?.Kind == SyntaxKind.ColonToken && beforePrevious is { } fieldName)
                    items.FieldValues(model.FindField(fieldName.Text));
                else
                    foreach (var field in model.CaseFields) items.Field(field, withPrefix: false);
                return items.Build();
            case BlockContext.Case when previous?.Kind == SyntaxKind.ColonToken || previous?.Kind == SyntaxKind.PipeToken:
                items.Keywords("number", "boolean", "set of");
                return items.Build();
        }

        // expect |   expect REF |
        if (previous?.IsKeyword("expect") == true)
        {
            items.Keywords("valid", "invalid", "signal");
            foreach (var question in model.Questions) items.Question(question);
            return items.Build();
        }
        if (previous?.Kind == SyntaxKind.CodeToken && beforePrevious?.IsKeyword("expect") == true)
        {
            items.Keywords("applicable", "not applicable", "positive", "negative");
            return items.Build();
        }

        if (InExpression(index, previousIndex))
        {
            foreach (var question in model.Questions) items.Question(question);
            items.Keyword("case", ".");
            items.Keywords("not", "and", "or", "in", "is", "true", "false");
            foreach (var function in new[] { "any", "all", "none", "count" }) items.Function(function);
            return items.Build();
        }

        // The start of a member: keywords and snippets of the enclosing block.
        if (previous is null or { Kind: SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken }
            || (word?.StartsLine ?? true) || StartsLineAt(analysis.Document.Text, start))
        {
            KeywordsOf(block.Block, model, items, snippets);
        }
        return items.Build();
    }

    private static void KeywordsOf(BlockContext block, SemanticModel model, CompletionBuilder items, bool snippets)
    {
        switch (block)
        {
            case BlockContext.TopLevel:
                items.Keywords("import", "framework", "scale", "case", "answers", "domain", "breakdown", "test", "check", "signal");
                if (snippets)
                {
                    items.Snippet("framework", "framework \"${1:Name}\" {\n  version \"${2:2021.1}\"\n  scale ${3:Rating}\n}", "framework declaration");
                    items.Snippet("answers", "answers ${1:Name} {\n  ${2:yes} \"${3:Yes}\" positive\n  ${4:no} \"${5:No}\"\n}", "answer set");
                    items.Snippet("domain", "domain ${1:1} \"${2:Title}\" {\n  $0\n}", "domain");
                    items.Snippet("test", "test \"${1:name}\" {\n  case { $2 }\n  answers { $3 }\n  expect ${4:valid}\n}", "test");
                    items.Snippet("breakdown", "breakdown ${1:name} \"${2:Title}\" by case.${3:field} {\n  $0\n}", "breakdown");
                }
                break;
            case BlockContext.Framework:
                items.Keywords("version", "scale", "overall");
                break;
            case BlockContext.Overall:
                foreach (var level in model.Framework?.Scale?.Levels ?? []) items.Level(level);
                items.Keyword("from");
                break;
            case BlockContext.Answers:
                items.Keywords("positive", "not_applicable");
                break;
            case BlockContext.Domain:
                items.Keywords("standard", "check", "signal");
                if (snippets) items.Snippet("standard", "standard ${1:1.1} \"${2:Title}\" {\n  summary \"${3}\"\n  rated by lowest key_question\n  $0\n}", "standard");
                break;
            case BlockContext.Standard:
                items.Keywords("summary", "rated by lowest key_question", "rated by inspector", "not rated", "guidance", "key_question", "check", "signal", "when");
                if (snippets) items.Snippet("key_question", "key_question ${1:1.1.1} \"${2:Text}\" : ${3:YesNo}", "key question");
                break;
            case BlockContext.KeyQuestion:
                items.Keywords("prompt", "guidance", "check", "signal", "when");
                if (snippets) items.Snippet("prompt", "prompt ${1:a} \"${2:Text}\" : ${3:YesNo}", "prompt");
                break;
            case BlockContext.Prompt:
                items.Keywords("guidance", "check", "signal", "when");
                break;
            case BlockContext.Test:
                items.Keywords("case", "answers", "expect");
                break;
            case BlockContext.Breakdown:
                items.Keywords("to", "from", "true", "false");
                break;
        }
        if (snippets && block is BlockContext.TopLevel or BlockContext.Domain or BlockContext.Standard or BlockContext.KeyQuestion or BlockContext.Prompt)
        {
            items.Snippet("check", "check \"${1:message}\"\n  when ${2:condition}", "check (rejects the case)");
            items.Snippet("signal", "signal \"${1:message}\"\n  when ${2:condition}", "signal (a warning)");
        }
    }

    /// <summary>The operand token left of an operator at <paramref name="last"/>: a code, or the field of <c>case.field</c>.</summary>
    private static SyntaxToken? LeftOperand(TokenIndex index, int last)
    {
        if (index.At(last) is not { } token) return null;
        if (token.Kind == SyntaxKind.IdentifierToken && index.At(last - 1)?.Kind == SyntaxKind.DotToken && index.At(last - 2)?.IsKeyword("case") == true)
            return token;
        return token.Kind == SyntaxKind.CodeToken ? token : null;
    }

    private static bool IsQuestionHeader(TokenIndex index, int colon)
    {
        for (var i = colon - 1; i >= 0 && i >= colon - 3; i--)
            if (index.Tokens[i].IsKeyword("key_question") || index.Tokens[i].IsKeyword("prompt")) return true;
        return false;
    }

    private static readonly HashSet<string> ExpressionOpeners = new(StringComparer.Ordinal)
    {
        "when", "and", "or", "not",
    };

    private static bool InExpression(TokenIndex index, int previousIndex)
    {
        if (index.At(previousIndex) is not { } previous) return false;
        if (previous.Kind is SyntaxKind.OpenParenToken or SyntaxKind.LessToken or SyntaxKind.LessEqualsToken
            or SyntaxKind.GreaterToken or SyntaxKind.GreaterEqualsToken) return true;
        if (previous.Kind == SyntaxKind.CommaToken)
        {
            // Inside an aggregate's parentheses.
            for (var i = previousIndex - 1; i >= 0; i--)
            {
                var t = index.Tokens[i];
                if (t.Kind == SyntaxKind.OpenParenToken) return true;
                if (t.Kind is SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken or SyntaxKind.CloseParenToken) return false;
            }
            return false;
        }
        return previous.Kind == SyntaxKind.IdentifierToken && ExpressionOpeners.Contains(previous.Text);
    }

    private static bool StartsLineAt(string text, int offset)
    {
        for (var i = offset - 1; i >= 0; i--)
        {
            if (text[i] == '\n') return true;
            if (!char.IsWhiteSpace(text[i])) return false;
        }
        return true;
    }

    /// <summary>Where a code being typed starts (codes hold dots, so the word may span several tokens).</summary>
    private static int CodeStart(string text, int offset, int wordStart)
    {
        var i = Math.Min(offset, text.Length);
        while (i > 0 && (char.IsAsciiDigit(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == '*' || (char.IsAsciiLetter(text[i - 1]) && i - 2 >= 0 && text[i - 2] == '.' && char.IsAsciiDigit(text[Math.Max(0, i - 3)])))) i--;
        while (i < offset && text[i] == '.') i++;
        return i < offset && char.IsAsciiDigit(text[i]) ? Math.Min(i, wordStart) : wordStart;
    }
}
