using System.Collections.Immutable;
using Rules.Core.Testing;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Features;

/// <summary>A lens above every <c>test</c> block of the document saying whether it passes, and why not.</summary>
[Method(LspMethods.CodeLens)]
public sealed class CodeLensHandler(RulesProjectService projects)
    : IJsonRpcRequestHandler<CodeLensParams, ImmutableArray<CodeLens>?>, ICapabilityContributor
{
    /// <summary>The command of a lens; the editor may implement it (e.g. to show the failures), else the lens is informational.</summary>
    public const string ShowTestResultCommand = "inspectionRules.showTestResult";

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { CodeLensProvider = new CodeLensOptions(ResolveProvider: false) };

    public async Task<ImmutableArray<CodeLens>?> Handle(CodeLensParams request, CancellationToken cancellationToken)
    {
        if (await projects.AnalyzeAsync(request.TextDocument.Uri, cancellationToken) is not { } analysis) return null;
        var tests = analysis.Model.Tests.Where(t => t.Location.Path == analysis.Path).ToList();
        if (tests.Count == 0) return [];
        if (analysis.Project.Compilation.HasErrors)
            return [.. tests.Select(t => new CodeLens(analysis.GetRange(t.Syntax.Span), new Command("Test not run: fix the errors first", "")))];
        var results = TestRunner.Run(analysis.Model).ToDictionary(r => r.Test);
        var lenses = ImmutableArray.CreateBuilder<CodeLens>();
        foreach (var test in tests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var range = analysis.GetRange(test.Syntax.Span);
            var title = !results.TryGetValue(test, out var result) ? "Test not run"
                : result.Passed ? "✓ passes"
                : $"✗ fails: {result.Failures[0].Message}" + (result.Failures.Length > 1 ? $" (and {result.Failures.Length - 1} more)" : "");
            lenses.Add(new CodeLens(Range.Create(range.Start.Line, range.Start.Character, range.Start.Line, range.Start.Character), new Command(title, "")));
        }
        return lenses.ToImmutable();
    }
}
