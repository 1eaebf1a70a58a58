using Rules.Core.Syntax;
using Rules.Core.Workspace;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>Hover over a declaration or reference: what the symbol is, as authors see it (see <see cref="SymbolDescriber"/>).</summary>
[Method(LspMethods.Hover)]
public sealed class HoverHandler(RulesProjectService projects, ClientSession client)
    : IJsonRpcRequestHandler<HoverParams, Hover?>, ICapabilityContributor
{
    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { HoverProvider = true };

    public async Task<Hover?> Handle(HoverParams request, CancellationToken cancellationToken)
    {
        if (await projects.AnalyzeAsync(request.TextDocument.Uri, cancellationToken) is not { } analysis) return null;
        var offset = analysis.GetOffset(request.Position);
        var markdown = client.SupportsMarkdownHover;
        if (analysis.ImportAt(offset) is { } import)
        {
            var about = DescribeImport(analysis, import.Import, import.Imported, markdown);
            return new Hover(markdown ? MarkupContent.Markdown(about) : MarkupContent.PlainText(about), analysis.GetRange(import.Import.Path.Span));
        }
        if (analysis.ReferenceAt(offset) is not { } reference) return null;
        var text = SymbolDescriber.Describe(reference.Symbol, markdown, analysis.Model);
        return new Hover(markdown ? MarkupContent.Markdown(text) : MarkupContent.PlainText(text), analysis.GetRange(reference.Location.Span));
    }

    /// <summary>What an imported library file brings in: its scales, case fields and answer sets.</summary>
    private static string DescribeImport(DocumentAnalysis analysis, ImportDeclarationSyntax import, SyntaxTree? imported, bool markdown)
    {
        string Code(string s) => markdown ? $"`{s}`" : s;
        if (imported is null) return $"Import of {Code(import.Path.ValueText)}: not read (see the problem reported here).";
        var model = analysis.Model;
        var path = imported.Path;
        var parts = new List<string>();
        void Add(string what, IEnumerable<string> names)
        {
            var list = names.ToList();
            if (list.Count > 0) parts.Add($"{what} {string.Join(", ", list.Select(Code))}");
        }
        Add("scale", model.Scales.Where(s => s.Location.Path == path).Select(s => s.Name));
        Add("case fields", model.CaseFields.Where(f => f.Location.Path == path).Select(f => f.Name));
        Add("answer sets", model.AnswerSets.Where(a => a.Location.Path == path).Select(a => a.Name));
        var file = PathUtil.Relative(path, analysis.Project.Project.WorkspaceRoot);
        return $"Library file {Code(file)}" + (parts.Count == 0 ? " declares no scale, case fields or answer sets." : $" brings in {string.Join("; ", parts)}.");
    }
}
