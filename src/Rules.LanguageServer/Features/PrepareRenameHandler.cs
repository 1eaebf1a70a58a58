using Rules.Core.Semantics;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Says whether the thing at the cursor can be renamed, and which part of the text is its name.</summary>
[Method(LspMethods.PrepareRename)]
public sealed class PrepareRenameHandler(RulesProjectService projects) : IJsonRpcRequestHandler<PrepareRenameParams, PrepareRenameResult?>
{
    public async Task<PrepareRenameResult?> Handle(PrepareRenameParams request, CancellationToken cancellationToken)
    {
        if (await projects.AnalyzeAsync(request.TextDocument.Uri, cancellationToken) is not { } analysis) return null;
        var offset = analysis.GetOffset(request.Position);
        if (analysis.ReferenceAt(offset) is not { } reference) return null;
        var symbol = reference.Symbol;
        if (symbol is TestSymbol or CheckSymbol or FrameworkSymbol)
            throw new JsonRpcException(JsonRpcErrorCodes.RequestFailed, RenamePlanner.Validate(analysis.Model, symbol, "x") ?? $"{symbol.Display} cannot be renamed.");
        var name = RenamePlanner.NameOf(symbol);
        var span = reference.Location.Span;
        var text = analysis.Document.Text.Substring(span.Start, Math.Min(span.Length, analysis.Document.Text.Length - span.Start));
        var start = text == name ? span.Start
            : text.EndsWith("." + name, StringComparison.Ordinal) && symbol is PromptSymbol ? span.End - name.Length
            : text.StartsWith(name, StringComparison.Ordinal) ? span.Start
            : span.Start;
        var length = text == name || text.Contains(name, StringComparison.Ordinal) ? name.Length : span.Length;
        return new PrepareRenameResult(analysis.Document.GetRange(start, start + length), name);
    }
}
