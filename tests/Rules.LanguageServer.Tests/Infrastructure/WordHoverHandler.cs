using Rules.LanguageServer.Documents;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Tests.Infrastructure;

/// <summary>
/// An example feature handler, shaped as the real ones will be: hover shows the word under the cursor.
/// </summary>
[Method(Name)]
public sealed class WordHoverHandler(DocumentStore documents)
    : IJsonRpcRequestHandler<HoverParams, Hover?>
{
    /// <summary>A test-only method (the real server has its own hover).</summary>
    public const string Name = "test/wordHover";

    public Task<Hover?> Handle(HoverParams request, CancellationToken cancellationToken)
    {
        if (documents.Get(request.TextDocument.Uri) is not { } document) return Task.FromResult<Hover?>(null);
        var offset = document.GetOffset(request.Position);
        var text = document.Text;
        var start = offset;
        while (start > 0 && char.IsLetterOrDigit(text[start - 1])) start--;
        var end = offset;
        while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
        if (start == end) return Task.FromResult<Hover?>(null);
        return Task.FromResult<Hover?>(new Hover(MarkupContent.Markdown($"`{text[start..end]}`"), document.GetRange(start, end)));
    }
}
