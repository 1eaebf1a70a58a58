using System.Collections.Immutable;
using Rules.Core.Semantics;
using Rules.Core.Syntax;
using Rules.Core.Text;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.Protocol;
using CoreSymbolKind = Rules.Core.Semantics.SymbolKind;

namespace Rules.LanguageServer.Compilation;

/// <summary>Semantic tokens: keywords, codes, options, fields, answer sets, strings, numbers, comments,
/// operators and functions, from the tokens and the semantic model's references.</summary>
public static class SemanticClassifier
{
    public static readonly ImmutableArray<string> TokenTypes =
        ["keyword", "variable", "enumMember", "property", "enum", "string", "number", "comment", "operator", "function", "type", "namespace"];

    public static readonly ImmutableArray<string> TokenModifiers = ["declaration"];

    public static SemanticTokensLegend Legend { get; } = new(TokenTypes, TokenModifiers);

    private const int Keyword = 0, Code = 1, Option = 2, Field = 3, AnswerSet = 4, String = 5, Number = 6, Comment = 7, Operator = 8, Function = 9, Type = 10, Namespace = 11;

    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal) { "any", "all", "none", "count" };

    public static SemanticTokens Classify(DocumentAnalysis analysis, TextSpan? within = null)
    {
        var tree = analysis.Tree;
        var symbols = new Dictionary<int, (int Type, bool Declaration)>();
        foreach (var reference in analysis.Model.ReferencesIn(analysis.Path))
        {
            if (reference.Location.Path != analysis.Path) continue;
            var type = TypeOf(reference.Symbol);
            if (type is null) continue;
            symbols.TryAdd(reference.Location.Span.Start, (type.Value, reference.IsDeclaration));
            // A reference written as case.field: classify the field name too.
            var text = analysis.Document.Text;
            var end = Math.Min(reference.Location.Span.End, text.Length);
            var dot = text.LastIndexOf('.', Math.Max(end - 1, 0), Math.Max(0, end - reference.Location.Span.Start));
            if (type == Field && dot >= reference.Location.Span.Start) symbols.TryAdd(dot + 1, (Field, reference.IsDeclaration));
        }

        var spans = new List<(int Start, int Length, int Type, int Modifiers)>();
        var tokens = TokenIndex.Of(tree).Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
                if (trivia.Kind.IsComment()) spans.Add((trivia.Span.Start, trivia.Span.Length, Comment, 0));
            int? kind = null;
            var modifiers = 0;
            if (symbols.TryGetValue(token.Span.Start, out var symbol))
            {
                kind = symbol.Type;
                modifiers = symbol.Declaration ? 1 : 0;
                if (token.IsKeyword("case") && i + 1 < tokens.Length && tokens[i + 1].Kind == SyntaxKind.DotToken) kind = Keyword;
            }
            else
            {
                kind = token.Kind switch
                {
                    SyntaxKind.StringToken or SyntaxKind.MultiLineStringToken => String,
                    SyntaxKind.NumberToken or SyntaxKind.PercentToken => Number,
                    SyntaxKind.CodeToken => Code,
                    SyntaxKind.EqualsEqualsToken or SyntaxKind.BangEqualsToken or SyntaxKind.LessToken or SyntaxKind.LessEqualsToken
                        or SyntaxKind.GreaterToken or SyntaxKind.GreaterEqualsToken => Operator,
                    SyntaxKind.IdentifierToken when Functions.Contains(token.Text) && i + 1 < tokens.Length && tokens[i + 1].Kind == SyntaxKind.OpenParenToken => Function,
                    SyntaxKind.IdentifierToken when i >= 2 && tokens[i - 1].Kind == SyntaxKind.DotToken && tokens[i - 2].IsKeyword("case") => Field,
                    SyntaxKind.IdentifierToken when token.Text is "and" or "or" or "not" or "in" or "is" => Operator,
                    SyntaxKind.IdentifierToken when IsKeywordPosition(tokens, i) => Keyword,
                    _ => null,
                };
            }
            if (kind is { } k) spans.Add((token.Span.Start, token.Span.Length, k, modifiers));
        }

        var document = analysis.Document;
        var builder = new SemanticTokensBuilder();
        foreach (var (start, length, type, modifiers) in spans.OrderBy(s => s.Start))
        {
            if (within is { } range && (start + length <= range.Start || start >= range.End)) continue;
            // Tokens may not span lines: split multi-line strings and comments.
            var position = start;
            var end = start + length;
            while (position < end)
            {
                var from = document.GetPosition(position);
                var lineEnd = document.Text.IndexOf('\n', position, end - position);
                var stop = lineEnd < 0 ? end : lineEnd;
                var pieceEnd = stop > position && document.Text[stop - 1] == '\r' ? stop - 1 : stop;
                var to = document.GetPosition(pieceEnd);
                if (to.Character > from.Character) builder.Push(from.Line, from.Character, to.Character - from.Character, type, modifiers);
                position = lineEnd < 0 ? end : lineEnd + 1;
            }
        }
        return builder.Build();
    }

    private static readonly HashSet<string> KeywordWords = new(StringComparer.Ordinal)
    {
        "import", "framework", "version", "scale", "overall", "from", "score", "case", "number", "boolean", "set", "of",
        "answers", "positive", "not_applicable", "negative", "answered", "applicable", "domain", "standard", "summary", "rated", "by",
        "lowest", "key_question", "inspector", "not", "guidance", "prompt", "when", "check", "signal", "breakdown", "to",
        "test", "expect", "valid", "invalid", "true", "false",
    };

    private static bool IsKeywordPosition(ImmutableArray<SyntaxToken> tokens, int i) => KeywordWords.Contains(tokens[i].Text);

    private static int? TypeOf(Symbol symbol) => symbol.Kind switch
    {
        CoreSymbolKind.KeyQuestion or CoreSymbolKind.Prompt or CoreSymbolKind.Standard => Code,
        CoreSymbolKind.Domain => Namespace,
        CoreSymbolKind.AnswerOption or CoreSymbolKind.FieldValue or CoreSymbolKind.Level => Option,
        CoreSymbolKind.CaseField => Field,
        CoreSymbolKind.AnswerSet or CoreSymbolKind.Scale => AnswerSet,
        CoreSymbolKind.Breakdown => Type,
        _ => null,
    };
}
