using Rules.Core.Text;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Semantic tokens of a range of a document (the visible part of a long framework).</summary>
[Method(LspMethods.SemanticTokensRange)]
public sealed class SemanticTokensRangeHandler(RulesProjectService projects) : IJsonRpcRequestHandler<SemanticTokensRangeParams, SemanticTokens?>
{
    public async Task<SemanticTokens?> Handle(SemanticTokensRangeParams request, CancellationToken cancellationToken)
    {
        if (await projects.AnalyzeAsync(request.TextDocument.Uri, cancellationToken) is not { } analysis) return null;
        var start = analysis.GetOffset(request.Range.Start);
        var end = analysis.GetOffset(request.Range.End);
        return SemanticClassifier.Classify(analysis, TextSpan.FromBounds(start, Math.Max(start, end)));
    }
}
