using System.Collections.Immutable;
using Rules.Core.Semantics;
using Rules.LanguageServer.Compilation;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;
using SymbolKind = Rules.LanguageServer.Protocol.SymbolKind;

namespace Rules.LanguageServer.Features;

/// <summary>Workspace symbols of the open frameworks: found by code (prefix) or by the words of their text or name.</summary>
[Method(LspMethods.WorkspaceSymbol)]
public sealed class WorkspaceSymbolHandler(RulesProjectService projects)
    : IJsonRpcRequestHandler<WorkspaceSymbolParams, ImmutableArray<SymbolInformation>>, ICapabilityContributor
{
    public const int MaxResults = 500;

    public ServerCapabilities Contribute(ServerCapabilities capabilities, ClientSession session) =>
        capabilities with { WorkspaceSymbolProvider = true };

    public async Task<ImmutableArray<SymbolInformation>> Handle(WorkspaceSymbolParams request, CancellationToken cancellationToken)
    {
        var compilations = await projects.CompileOpenProjectsAsync(cancellationToken);
        projects.CurrentFileSystem(out var open);
        var words = request.Query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<SymbolInformation>();
        var seen = new HashSet<(string, int)>();
        foreach (var model in compilations.Select(c => c.Compilation.Model))
        foreach (var (symbol, text, kind, container) in Candidates(model))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Matches(symbol.Name, text, words)) continue;
            if (!seen.Add((symbol.Location.Path, symbol.Location.Span.Start))) continue;
            result.Add(new SymbolInformation(text is null ? symbol.Name : $"{symbol.Name} {text}", kind, LocationConverter.ToLsp(symbol.Location, open), container));
            if (result.Count >= MaxResults) return [.. result];
        }
        return [.. result];
    }

    private static bool Matches(string name, string? text, string[] words)
    {
        if (words.Length == 0) return true;
        if (words.Length == 1 && name.StartsWith(words[0], StringComparison.OrdinalIgnoreCase)) return true;
        var haystack = name + " " + text;
        return words.All(w => haystack.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<(Symbol Symbol, string? Text, SymbolKind Kind, string? Container)> Candidates(SemanticModel model)
    {
        foreach (var domain in model.Domains) yield return (domain, domain.Title, SymbolKind.Namespace, null);
        foreach (var standard in model.Standards) yield return (standard, standard.Title, SymbolKind.Class, "domain " + standard.Domain.Name);
        foreach (var question in model.KeyQuestions) yield return (question, question.Text, SymbolKind.Method, question.Standard.Code);
        foreach (var prompt in model.Prompts) yield return (prompt, prompt.Text, SymbolKind.Property, prompt.KeyQuestion.Code);
        foreach (var set in model.AnswerSets) yield return (set, null, SymbolKind.Enum, "answer set");
        foreach (var scale in model.Scales) yield return (scale, null, SymbolKind.Enum, "scale");
        foreach (var field in model.CaseFields) yield return (field, field.Label, SymbolKind.Field, "case");
        foreach (var breakdown in model.Breakdowns) yield return (breakdown, breakdown.Title, SymbolKind.Array, "breakdown");
        foreach (var test in model.Tests) yield return (test, null, SymbolKind.Function, "test");
    }
}
