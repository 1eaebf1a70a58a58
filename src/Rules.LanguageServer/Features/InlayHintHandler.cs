using System.Collections.Immutable;
using Rules.Core.Semantics;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>After an option name used in a condition or a test, its label ("No, and should have done").</summary>
[Method(LspMethods.InlayHint)]
public sealed class InlayHintHandler(RulesProjectService projects)
    : IJsonRpcRequestHandler<InlayHintParams, ImmutableArray<InlayHint>?>, ICapabilityContributor
{
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { InlayHintProvider = true };

    public async Task<ImmutableArray<InlayHint>?> Handle(InlayHintParams request, CancellationToken cancellationToken)
    {
        if (await projects.AnalyzeAsync(request.TextDocument.Uri, cancellationToken) is not { } analysis) return null;
        var start = analysis.GetOffset(request.Range.Start);
        var end = analysis.GetOffset(request.Range.End);
        return
        [
            .. analysis.Model.ReferencesIn(analysis.Path)
                .Where(r => !r.IsDeclaration && r.Symbol is AnswerOptionSymbol && r.Location.Path == analysis.Path
                            && r.Location.Span.End >= start && r.Location.Span.Start <= end)
                .DistinctBy(r => r.Location.Span)
                .OrderBy(r => r.Location.Span.Start)
                .Select(r => new InlayHint(analysis.Document.GetPosition(r.Location.Span.End),
                    $"“{((AnswerOptionSymbol)r.Symbol).Label}”", InlayHintKind.Type, PaddingLeft: true)),
        ];
    }
}
