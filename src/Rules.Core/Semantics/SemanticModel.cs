using System.Collections.Immutable;
using System.Collections.ObjectModel;
using Rules.Core.Diagnostics;
using Rules.Core.Syntax;
using Rules.Core.Text;
using Rules.Core.Workspace;

namespace Rules.Core.Semantics;

/// <summary>A place in source where a symbol is named: its declaration or a use of it.</summary>
/// <remarks>A value (the file, the span, no <see cref="Diagnostics.Location"/> object): a model holds one for every name
/// written in its files, about one every 25 characters, and a collection during a check has to copy every object
/// the model keeps.</remarks>
public readonly record struct SymbolReference(Symbol Symbol, SourceText Source, TextSpan Span, bool IsDeclaration)
{
    public SymbolReference(Symbol symbol, Location location, bool isDeclaration)
        : this(symbol, location.Source, location.Span, isDeclaration)
    {
    }

    public string Path => Source.Path;

    public Location Location => new(Source, Span);
}

/// <summary>
/// A bound framework (or library): every symbol, every reference resolved with its span, the type
/// of every expression, and the diagnostics of its files. Immutable once built.
/// </summary>
public sealed class SemanticModel
{
    private readonly ImmutableArray<FileBinding> _files;
    private readonly Dictionary<string, FileBinding> _fileByPath;

    internal SemanticModel(
        FrameworkProject project,
        ImmutableArray<SyntaxTree> trees,
        ImmutableArray<SyntaxTree> importedTrees,
        FrameworkSymbol? framework,
        ImmutableArray<FileBinding> files,
        ImmutableArray<Diagnostic> projectDiagnostics,
        IncrementalState state)
    {
        Project = project;
        Trees = trees;
        ImportedTrees = importedTrees;
        Framework = framework;
        _files = files;
        State = state;
        ProjectDiagnostics = projectDiagnostics;
        _fileByPath = new Dictionary<string, FileBinding>(files.Length, StringComparer.Ordinal);
        foreach (var file in files) _fileByPath[file.Path] = file;

        // Only what every compilation needs is gathered here: the diagnostics, file by file (a reused file's list is
        // shared). Everything else is gathered on first use, so that an edit in the editor costs the binding of the
        // files it affects and nothing per unchanged file beyond a pointer.
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(projectDiagnostics.Length);
        foreach (var d in projectDiagnostics)
            if (IsOwn(d)) diagnostics.Add(d);
        foreach (var file in files)
        {
            if (file.Imported) continue;
            diagnostics.AddRange(file.Tree.Diagnostics);
            diagnostics.AddRange(file.Diagnostics);
        }
        Diagnostics = diagnostics.DrainToImmutable();
    }

    /// <summary>A diagnostic of the model's own: in one of its files, or about the project as a whole (not in an imported library).</summary>
    private bool IsOwn(Diagnostic d) =>
        !_fileByPath.TryGetValue(d.Location.Path, out var file) || !file.Imported || !ReferenceEquals(file.Tree.Text, d.Location.Source);

    /// <summary>The files' bindings: imported libraries first, then the project's own files, in order.</summary>
    internal ImmutableArray<FileBinding> Files => _files;

    /// <summary>What the next compilation of the project keeps from this one (see <see cref="Incremental"/>).</summary>
    internal IncrementalState State { get; }

    /// <summary>Diagnostics about the project as a whole (imports, a missing framework) rather than found binding a file.</summary>
    internal ImmutableArray<Diagnostic> ProjectDiagnostics { get; }

    internal FileBinding? FileOf(string path) => _fileByPath.GetValueOrDefault(path);

    /// <summary>Whether this compilation reused the file's binding from an earlier one (and so shares its <see cref="IncrementalState.ColdTable"/>).</summary>
    internal bool Reused(FileBinding file) => State.BoundPaths is { } bound && !bound.Contains(file.Path);

    public FrameworkProject Project { get; }

    /// <summary>The framework's (or library's) own files.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>Library files brought in by <c>import</c>, transitively.</summary>
    public ImmutableArray<SyntaxTree> ImportedTrees { get; }

    public IEnumerable<SyntaxTree> AllTrees => Trees.Concat(ImportedTrees);

    public FrameworkSymbol? Framework { get; }

    private ImmutableArray<ScaleSymbol> _scales;
    private ImmutableArray<CaseFieldSymbol> _caseFields;
    private ImmutableArray<AnswerSetSymbol> _answerSets;
    private ImmutableArray<CheckSymbol> _globalChecks;
    private ImmutableArray<BreakdownSymbol> _breakdowns;
    private ImmutableArray<TestSymbol> _tests;
    private ImmutableArray<SymbolReference> _references;
    private Items? _items;
    private IReadOnlyDictionary<SyntaxNode, BoundExpression>? _boundExpressions;

    private ImmutableArray<T> Gather<T>(ref ImmutableArray<T> field, Func<FileBinding, IReadOnlyList<T>> select)
    {
        if (field.IsDefault)
        {
            var count = 0;
            foreach (var file in _files) count += select(file).Count;
            var builder = ImmutableArray.CreateBuilder<T>(count);
            foreach (var file in _files)
            {
                var items = select(file);
                for (var i = 0; i < items.Count; i++) builder.Add(items[i]);
            }
            ImmutableInterlocked.InterlockedInitialize(ref field, builder.MoveToImmutable());
        }
        return field;
    }

    public ImmutableArray<ScaleSymbol> Scales => Gather(ref _scales, f => f.Scales);
    public ImmutableArray<CaseFieldSymbol> CaseFields => Gather(ref _caseFields, f => f.Fields);
    public ImmutableArray<AnswerSetSymbol> AnswerSets => Gather(ref _answerSets, f => f.AnswerSets);
    public ImmutableArray<DomainSymbol> Domains => GetItems().Domains;

    /// <summary>A domain's standards in the order of their numbers, from every file the domain is written in.</summary>
    public ImmutableArray<StandardSymbol> StandardsOf(DomainSymbol domain) =>
        GetItems().Members.TryGetValue(domain, out var m) ? m.Standards : [];

    /// <summary>The checks and signals written directly in a domain, from every file it is written in.</summary>
    public ImmutableArray<CheckSymbol> ChecksOf(DomainSymbol domain) =>
        GetItems().Members.TryGetValue(domain, out var m) ? m.Checks : [];
    public ImmutableArray<StandardSymbol> Standards => GetItems().Standards;
    public ImmutableArray<KeyQuestionSymbol> KeyQuestions => GetItems().KeyQuestions;
    public ImmutableArray<PromptSymbol> Prompts => GetItems().Prompts;

    /// <summary>Key questions and prompts in document order (each key question before its prompts).</summary>
    public ImmutableArray<QuestionSymbol> Questions => GetItems().Questions;

    public IReadOnlyDictionary<string, QuestionSymbol> QuestionsByCode => GetItems().QuestionsByCode;

    public ImmutableArray<CheckSymbol> GlobalChecks => Gather(ref _globalChecks, f => f.GlobalChecks);

    /// <summary>Every check and signal, global ones first.</summary>
    public ImmutableArray<CheckSymbol> AllChecks => GetItems().AllChecks;

    public ImmutableArray<BreakdownSymbol> Breakdowns => Gather(ref _breakdowns, f => f.Breakdowns);
    public ImmutableArray<TestSymbol> Tests => Gather(ref _tests, f => f.Tests);

    /// <summary>Every reference in the framework's files and imports, file by file.</summary>
    public ImmutableArray<SymbolReference> References => Gather(ref _references, f => f.References);

    /// <summary>The references written in one file (declarations included).</summary>
    public IReadOnlyList<SymbolReference> ReferencesIn(string path) =>
        _fileByPath.TryGetValue(PathUtil.Normalize(path), out var file) ? file.References : [];

    public IReadOnlyDictionary<SyntaxNode, BoundExpression> BoundExpressions
    {
        get
        {
            if (_boundExpressions is null)
            {
                var all = new Dictionary<SyntaxNode, BoundExpression>(SyntaxNodeComparer.Instance);
                foreach (var file in _files)
                foreach (var (node, bound) in file.Bound)
                    all[node] = bound;
                Interlocked.CompareExchange(ref _boundExpressions, new ReadOnlyDictionary<SyntaxNode, BoundExpression>(all), null);
            }
            return _boundExpressions;
        }
    }

    /// <summary>Syntax and binding diagnostics of the model's own files (lint rules come on top, see Analysis).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The domains (by number) and everything in them, gathered once on first use.</summary>
    private sealed record Items(
        ImmutableArray<DomainSymbol> Domains,
        Dictionary<DomainSymbol, (ImmutableArray<StandardSymbol> Standards, ImmutableArray<CheckSymbol> Checks)> Members,
        ImmutableArray<StandardSymbol> Standards,
        ImmutableArray<KeyQuestionSymbol> KeyQuestions,
        ImmutableArray<PromptSymbol> Prompts,
        ImmutableArray<QuestionSymbol> Questions,
        IReadOnlyDictionary<string, QuestionSymbol> QuestionsByCode,
        ImmutableArray<CheckSymbol> AllChecks);

    private Items GetItems()
    {
        if (_items is not null) return _items;
        var domainList = new List<DomainSymbol>();
        foreach (var file in _files) domainList.AddRange(file.Domains);
        // Domains and their standards in the order of their numbers (2.1, 2.2, ..., 2.10), as the bulletins list them,
        // whatever files they are written in: reports, explanations and workspace symbols follow the model's order.
        domainList.Sort((a, b) => CodeOrder.Compare(a.Name, b.Name));
        var domains = domainList.ToImmutableArray();
        var members = new Dictionary<DomainSymbol, (List<StandardSymbol> Standards, List<CheckSymbol> Checks)>(SymbolComparer.Instance);
        foreach (var domain in domains) members[domain] = ([], []);
        foreach (var file in _files)
        {
            foreach (var standard in file.Standards)
                if (members.TryGetValue(standard.Domain, out var m) && !file.StandardsOutsideDomains.Contains(standard)) m.Standards.Add(standard);
            foreach (var (domain, check) in file.DomainChecks)
                if (members.TryGetValue(domain, out var m)) m.Checks.Add(check);
        }
        var byDomain = new Dictionary<DomainSymbol, (ImmutableArray<StandardSymbol>, ImmutableArray<CheckSymbol>)>(SymbolComparer.Instance);
        foreach (var (domain, (domainStandards, domainChecks)) in members)
        {
            domainStandards.Sort((a, b) => CodeOrder.Compare(a.Code, b.Code)); // codes are unique: a duplicate is not declared
            byDomain[domain] = ([.. domainStandards], [.. domainChecks]);
        }
        // Plain loops: a large framework has tens of thousands of questions.
        var standards = ImmutableArray.CreateBuilder<StandardSymbol>();
        foreach (var domain in domains) standards.AddRange(byDomain[domain].Item1);
        var keyQuestions = ImmutableArray.CreateBuilder<KeyQuestionSymbol>();
        foreach (var standard in standards) keyQuestions.AddRange(standard.KeyQuestions);
        var prompts = ImmutableArray.CreateBuilder<PromptSymbol>();
        var questions = ImmutableArray.CreateBuilder<QuestionSymbol>();
        foreach (var keyQuestion in keyQuestions)
        {
            prompts.AddRange(keyQuestion.Prompts);
            questions.Add(keyQuestion);
            questions.AddRange(keyQuestion.Prompts);
        }
        var byCode = new Dictionary<string, QuestionSymbol>(questions.Count, StringComparer.Ordinal);
        foreach (var q in questions) byCode.TryAdd(q.Code, q);
        var checks = ImmutableArray.CreateBuilder<CheckSymbol>();
        checks.AddRange(GlobalChecks);
        foreach (var domain in domains) checks.AddRange(byDomain[domain].Item2);
        foreach (var standard in standards) checks.AddRange(standard.Checks);
        foreach (var question in questions) checks.AddRange(question.Checks);
        var items = new Items(domains, byDomain, standards.DrainToImmutable(), keyQuestions.DrainToImmutable(), prompts.DrainToImmutable(),
            questions.DrainToImmutable(), new ReadOnlyDictionary<string, QuestionSymbol>(byCode), checks.DrainToImmutable());
        Interlocked.CompareExchange(ref _items, items, null);
        return _items;
    }

    public bool IsLibrary => Project.IsLibrary;

    public CaseFieldSymbol? FindField(string name) => CaseFields.FirstOrDefault(f => f.Name == name);

    public AnswerSetSymbol? FindAnswerSet(string name) => AnswerSets.FirstOrDefault(a => a.Name == name);

    public QuestionSymbol? FindQuestion(string code) => QuestionsByCode.GetValueOrDefault(code);

    public SyntaxTree? FindTree(string path)
    {
        return _fileByPath.TryGetValue(PathUtil.Normalize(path), out var file) ? file.Tree : null;
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
        return Innermost(p, star - 1) is { Symbol: KeyQuestionSymbol } wildcard && wildcard.Span.End == star - 1 ? wildcard : null;
    }

    private SymbolReference? Innermost(string path, int offset)
    {
        SymbolReference? best = null;
        foreach (var reference in ReferencesIn(path))
        {
            if (reference.Path != path || !reference.Span.ContainsOrTouches(offset)) continue;
            if (best is not { } current || reference.Span.Length < current.Span.Length) best = reference;
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
        var path = symbol.Source.Path;
        foreach (var reference in ReferencesIn(path))
        {
            if (!reference.IsDeclaration || reference.Symbol.GetType() != symbol.GetType()) continue;
            if (reference.Symbol.Span == symbol.Span && reference.Symbol.Source.Path == path) return reference.Symbol;
        }
        return null;
    }

    /// <summary>Every place the symbol is named across the framework's files and its imports.</summary>
    public IEnumerable<SymbolReference> FindReferences(Symbol symbol, bool includeDeclaration = true) =>
        References.Where(r => ReferenceEquals(r.Symbol, symbol) && (includeDeclaration || !r.IsDeclaration));
}
