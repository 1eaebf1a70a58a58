using System.Collections.Immutable;
using Rules.Core.Syntax;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Folding ranges: every block over several lines, multi-line strings (guidance) and runs of comment lines.</summary>
[Method(LspMethods.FoldingRange)]
public sealed class FoldingRangeHandler(DocumentStore documents, RulesProjectService projects)
    : IJsonRpcRequestHandler<FoldingRangeParams, ImmutableArray<FoldingRange>?>, ICapabilityContributor
{
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { FoldingRangeProvider = true };

    public Task<ImmutableArray<FoldingRange>?> Handle(FoldingRangeParams request, CancellationToken cancellationToken)
    {
        if (documents.Get(request.TextDocument.Uri) is not { } document) return Task.FromResult<ImmutableArray<FoldingRange>?>(null);
        var tree = projects.Parse(document);
        var ranges = new List<FoldingRange>();
        int Line(int offset) => document.GetPosition(offset).Line;

        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            if (node is not BlockSyntax block || block.OpenBrace.IsMissing) continue;
            var owner = block.Parent ?? block;
            var start = Line(owner.Span.Start);
            var end = Line(block.CloseBrace.IsMissing ? block.Span.End : block.CloseBrace.Span.Start);
            if (block.CloseBrace.IsMissing) end++;
            if (end - 1 > start) ranges.Add(new FoldingRange(start, end - 1));
        }

        int? runStart = null, runEnd = null;
        void CloseRun()
        {
            if (runStart is { } s && runEnd is { } e && e > s) ranges.Add(new FoldingRange(s, e, Kind: FoldingRangeKind.Comment));
            runStart = runEnd = null;
        }
        foreach (var token in TokenIndex.Of(tree).Tokens.Append(tree.Root.EndOfFile))
        {
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
            {
                if (trivia.Kind == SyntaxKind.BlockCommentTrivia)
                {
                    CloseRun();
                    var (s, e) = (Line(trivia.Span.Start), Line(trivia.Span.End));
                    if (e > s) ranges.Add(new FoldingRange(s, e, Kind: FoldingRangeKind.Comment));
                }
                else if (trivia.Kind == SyntaxKind.LineCommentTrivia)
                {
                    var line = Line(trivia.Span.Start);
                    if (runEnd is { } previous && line == previous + 1 && IsOnlyComment(document.Text, trivia.Span.Start)) runEnd = line;
                    else
                    {
                        CloseRun();
                        if (IsOnlyComment(document.Text, trivia.Span.Start)) runStart = runEnd = line;
                    }
                }
            }
            if (token.Kind is SyntaxKind.MultiLineStringToken)
            {
                CloseRun();
                var (s, e) = (Line(token.Span.Start), Line(token.Span.End));
                if (e > s) ranges.Add(new FoldingRange(s, e));
            }
            else if (token.Kind != SyntaxKind.EndOfFileToken) CloseRun();
        }
        CloseRun();
        return Task.FromResult<ImmutableArray<FoldingRange>?>([.. ranges.Distinct().OrderBy(r => r.StartLine).ThenBy(r => r.EndLine)]);
    }

    private static bool IsOnlyComment(string text, int start)
    {
        for (var i = start - 1; i >= 0 && text[i] != '\n'; i--)
            if (!char.IsWhiteSpace(text[i])) return false;
        return true;
    }
}
