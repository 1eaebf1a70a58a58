using System.Collections.Concurrent;
using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Syntax;

namespace Rules.Core.Semantics;

/// <summary>
/// What binding one file produced: the symbols it declares (with their bound conditions, answer sets, tests and
/// breakdowns), the references and bound expressions written in it, its binding diagnostics, and the files whose
/// symbols it points at. A compilation is a list of these; the next compilation after an edit reuses every one
/// that neither is the edited file nor points (directly or through others) at it, so an edit binds the edited
/// file and its dependents only. Never changed once its compilation is handed out.
/// </summary>
internal sealed class FileBinding(SyntaxTree tree, bool imported)
{
    public SyntaxTree Tree { get; } = tree;

    /// <summary>Brought in by <c>import</c> (a library) rather than one of the project's own files.</summary>
    public bool Imported { get; } = imported;

    public string Path => Tree.Path;

    /// <summary>
    /// Every declaration the file made or tried to make, in order, with its outcome (key question 2.4.1, declared):
    /// what other files can observe of it without pointing at its symbols (which names exist, which declaration of
    /// a name comes first, whether a framework is declared). An edit that leaves it equal cannot change another
    /// file's binding, except through the symbols that file points at (<see cref="DependsOn"/>).
    /// </summary>
    public List<FileDeclaration> Interface { get; } = [];

    /// <summary>The paths of the other files whose symbols this file's binding points at or was decided by.</summary>
    public HashSet<string> DependsOn { get; } = new(StringComparer.Ordinal);

    // What the file adds to the model, in declaration order.
    public FrameworkSymbol? Framework { get; set; }
    public List<ScaleSymbol> Scales { get; } = [];
    public List<CaseFieldSymbol> Fields { get; } = [];
    public List<AnswerSetSymbol> AnswerSets { get; } = [];
    /// <summary>Domains first declared in this file (a domain written in several files belongs to the first).</summary>
    public List<DomainSymbol> Domains { get; } = [];
    /// <summary>The file's standards, whichever file declares their domain.</summary>
    public List<StandardSymbol> Standards { get; } = [];
    /// <summary>Standards written in a domain without a valid number: declared, but in no domain of the model.</summary>
    public List<StandardSymbol> StandardsOutsideDomains { get; } = [];
    /// <summary>Checks and signals written directly in a domain.</summary>
    public List<(DomainSymbol Domain, CheckSymbol Check)> DomainChecks { get; } = [];
    public List<QuestionSymbol> Questions { get; } = [];
    /// <summary>Every check and signal declared in the file: top level, in domains and in items.</summary>
    public List<CheckSymbol> Checks { get; } = [];
    public List<CheckSymbol> GlobalChecks { get; } = [];
    public List<BreakdownSymbol> Breakdowns { get; } = [];
    public List<TestSymbol> Tests { get; } = [];

    /// <summary>Every name written in the file, in the order bound (kept in chunks, large ones once the file is long:
    /// see <see cref="ChunkedList{T}"/>).</summary>
    public ChunkedList<SymbolReference> References { get; } = ChunkedList<SymbolReference>.ForKeeping();
    public Dictionary<SyntaxNode, BoundExpression> Bound { get; } = new(SyntaxNodeComparer.Instance);
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Lint findings in this file by rule, filled on first use: valid as long as the binding is reused,
    /// since everything a per-file rule reads is the file's symbols and what they point at.</summary>
    public ConcurrentDictionary<Type, ImmutableArray<Diagnostic>> LintFindings { get; } = new();

    private ImmutableArray<RoutedSymbol> _routedItems;
    private HashSet<Symbol>? _usedDeclarations;

    /// <summary>The file's standards, key questions and prompts that have a <c>when</c> condition.</summary>
    public ImmutableArray<RoutedSymbol> ConditionedItems()
    {
        if (_routedItems.IsDefault)
        {
            var items = ImmutableArray.CreateBuilder<RoutedSymbol>();
            foreach (var s in Standards) if (s.Condition is not null) items.Add(s);
            foreach (var q in Questions) if (q.Condition is not null) items.Add(q);
            ImmutableInterlocked.InterlockedInitialize(ref _routedItems, items.ToImmutable());
        }
        return _routedItems;
    }

    /// <summary>The answer sets and scales the file uses (not declares).</summary>
    public IReadOnlySet<Symbol> UsedDeclarations()
    {
        if (_usedDeclarations is null)
        {
            var used = new HashSet<Symbol>(SymbolComparer.Instance);
            foreach (var r in References)
                if (!r.IsDeclaration && r.Symbol is AnswerSetSymbol or ScaleSymbol) used.Add(r.Symbol);
            Interlocked.CompareExchange(ref _usedDeclarations, used, null);
        }
        return _usedDeclarations;
    }

    /// <summary>How many of the file's standards are rated (by their key questions or by the inspector).</summary>
    public int RatedStandardCount()
    {
        if (_ratedStandards < 0)
        {
            var count = 0;
            foreach (var s in Standards) if (s.IsRated && !StandardsOutsideDomains.Contains(s)) count++;
            _ratedStandards = count;
        }
        return _ratedStandards;
    }

    private int _ratedStandards = -1;
}
