using System.Collections.Immutable;
using System.Collections.ObjectModel;
using Rules.Core.Diagnostics;
using Rules.Core.Syntax;
using Rules.Core.Workspace;

namespace Rules.Core.Semantics;

/// <summary>A place in source where a symbol is named: its declaration or a use of it.</summary>
public sealed record SymbolReference(Symbol Symbol, Location Location, bool IsDeclaration);

/// <summary>
/// A bound framework (or library): every symbol, every reference resolved with its span, the type
/// of every expression, and the diagnostics of its files. Immutable once built.
/// </summary>
public sealed class SemanticModel
{
    internal SemanticModel(
        FrameworkProject project,
        ImmutableArray<SyntaxTree> trees,
        ImmutableArray<SyntaxTree> importedTrees,
        FrameworkSymbol? framework,
        ImmutableArray<ScaleSymbol> scales,
        ImmutableArray<CaseFieldSymbol> caseFields,
        ImmutableArray<AnswerSetSymbol> answerSets,
        ImmutableArray<DomainSymbol> domains,
        ImmutableArray<CheckSymbol> globalChecks,
        ImmutableArray<BreakdownSymbol> breakdowns,
        ImmutableArray<TestSymbol> tests,
        ImmutableArray<SymbolReference> references,
        IReadOnlyDictionary<SyntaxNode, BoundExpression> boundExpressions,
        ImmutableArray<Diagnostic> diagnostics,
        Dictionary<string, QuestionSymbol>? questionsByCode = null)
    {
        Project = project;
        Trees = trees;
        ImportedTrees = importedTrees;
        Framework = framework;
        Scales = scales;
        CaseFields = caseFields;
        AnswerSets = answerSets;
        Domains = domains;
        GlobalChecks = globalChecks;
        Breakdowns = breakdowns;
        Tests = tests;
        References = references;
        BoundExpressions = boundExpressions;
        Diagnostics = diagnostics;
        // Plain loops: a large framework has tens of thousands of questions, and this runs on every keystroke in the editor.
        var standards = ImmutableArray.CreateBuilder<StandardSymbol>();
        foreach (var domain in domains) standards.AddRange(domain.Standards);
        Standards = standards.DrainToImmutable();
        var keyQuestions = ImmutableArray.CreateBuilder<KeyQuestionSymbol>();
        foreach (var standard in Standards) keyQuestions.AddRange(standard.KeyQuestions);
        KeyQuestions = keyQuestions.DrainToImmutable();
        var prompts = ImmutableArray.CreateBuilder<PromptSymbol>();
        var questions = ImmutableArray.CreateBuilder<QuestionSymbol>();
        foreach (var keyQuestion in KeyQuestions)
        {
            prompts.AddRange(keyQuestion.Prompts);
            questions.Add(keyQuestion);
            questions.AddRange(keyQuestion.Prompts);
        }
        Prompts = prompts.DrainToImmutable();
        Questions = questions.DrainToImmutable();
        // The binder's table of questions by code is the same map (it declares no question twice): reused, not rebuilt.
        var byCode = questionsByCode;
        if (byCode is null || byCode.Count != Questions.Length)
        {
            byCode = new Dictionary<string, QuestionSymbol>(Questions.Length, StringComparer.Ordinal);
            foreach (var q in Questions) byCode.TryAdd(q.Code, q);
        }
        QuestionsByCode = new ReadOnlyDictionary<string, QuestionSymbol>(byCode);
        var checks = ImmutableArray.CreateBuilder<CheckSymbol>(globalChecks.Length);
        checks.AddRange(globalChecks);
        foreach (var domain in domains) checks.AddRange(domain.Checks);
        foreach (var standard in Standards) checks.AddRange(standard.Checks);
        foreach (var question in Questions) checks.AddRange(question.Checks);
        AllChecks = checks.DrainToImmutable();
    }

    public FrameworkProject Project { get; }

    /// <summary>The framework's (or library's) own files.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>Library files brought in by <c>import</c>, transitively.</summary>
    public ImmutableArray<SyntaxTree> ImportedTrees { get; }

    public IEnumerable<SyntaxTree> AllTrees => Trees.Concat(ImportedTrees);

    public FrameworkSymbol? Framework { get; }
    public ImmutableArray<ScaleSymbol> Scales { get; }
    public ImmutableArray<CaseFieldSymbol> CaseFields { get; }
    public ImmutableArray<AnswerSetSymbol> AnswerSets { get; }
    public ImmutableArray<DomainSymbol> Domains { get; }
    public ImmutableArray<StandardSymbol> Standards { get; }
    public ImmutableArray<KeyQuestionSymbol> KeyQuestions { get; }
    public ImmutableArray<PromptSymbol> Prompts { get; }

    /// <summary>Key questions and prompts in document order (each key question before its prompts).</summary>
    public ImmutableArray<QuestionSymbol> Questions { get; }

    public IReadOnlyDictionary<string, QuestionSymbol> QuestionsByCode { get; }

    public ImmutableArray<CheckSymbol> GlobalChecks { get; }

    /// <summary>Every check and signal, global ones first.</summary>
    public ImmutableArray<CheckSymbol> AllChecks { get; }

    public ImmutableArray<BreakdownSymbol> Breakdowns { get; }
    public ImmutableArray<TestSymbol> Tests { get; }
    public ImmutableArray<SymbolReference> References { get; }
    public IReadOnlyDictionary<SyntaxNode, BoundExpression> BoundExpressions { get; }

    /// <summary>Syntax and binding diagnostics of the model's own files (lint rules come on top, see Analysis).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool IsLibrary => Project.IsLibrary;

    public CaseFieldSymbol? FindField(string name) => CaseFields.FirstOrDefault(f => f.Name == name);

    public AnswerSetSymbol? FindAnswerSet(string name) => AnswerSets.FirstOrDefault(a => a.Name == name);

    public QuestionSymbol? FindQuestion(string code) => QuestionsByCode.GetValueOrDefault(code);

    public SyntaxTree? FindTree(string path)
    {
        var p = PathUtil.Normalize(path);
        return AllTrees.FirstOrDefault(t => t.Path == p);
    }

    /// <summary>The type the binder gave an expression, or null for syntax it did not bind.</summary>
    public BoundType? TypeOf(ExpressionSyntax expression) =>
        BoundExpressions.TryGetValue(expression, out var bound) ? bound.Type : null;

    /// <summary>
    /// The symbol declared or referenced at a position of a file (cursor positions touch the end). The <c>.*</c>
    /// of a wildcard such as <c>2.4.1.*</c> counts as part of its key question's code, which is what is recorded.
    /// </summary>
    public SymbolReference? ReferenceAt(string path, int offset)
    {
        var p = PathUtil.Normalize(path);
        if (Innermost(p, offset) is { } reference) return reference;
        if (FindTree(p)?.Text.Text is not { } text) return null;
        var star = offset < text.Length && text[offset] == '*' ? offset
            : offset > 0 && offset <= text.Length && text[offset - 1] == '*' ? offset - 1
            : -1;
        if (star < 2 || text[star - 1] != '.') return null;
        return Innermost(p, star - 1) is { Symbol: KeyQuestionSymbol } wildcard && wildcard.Location.Span.End == star - 1 ? wildcard : null;
    }

    private SymbolReference? Innermost(string path, int offset)
    {
        SymbolReference? best = null;
        foreach (var reference in References)
        {
            if (reference.Location.Path != path || !reference.Location.Span.ContainsOrTouches(offset)) continue;
            if (best is null || reference.Location.Span.Length < best.Location.Span.Length) best = reference;
        }
        return best;
    }

    public Symbol? SymbolAt(string path, int offset) => ReferenceAt(path, offset)?.Symbol;

    /// <summary>
    /// This model's symbol declared at the same place as <paramref name="symbol"/> of another compilation of
    /// the same file (a library imported by several frameworks is bound once in each), or null.
    /// </summary>
    public Symbol? FindSameDeclaration(Symbol symbol)
    {
        var path = symbol.Location.Path;
        var span = symbol.Location.Span;
        foreach (var reference in References)
        {
            if (!reference.IsDeclaration || reference.Symbol.GetType() != symbol.GetType()) continue;
            var location = reference.Symbol.Location;
            if (location.Span == span && location.Path == path) return reference.Symbol;
        }
        return null;
    }

    /// <summary>Every place the symbol is named across the framework's files and its imports.</summary>
    public IEnumerable<SymbolReference> FindReferences(Symbol symbol, bool includeDeclaration = true) =>
        References.Where(r => ReferenceEquals(r.Symbol, symbol) && (includeDeclaration || !r.IsDeclaration));
}
