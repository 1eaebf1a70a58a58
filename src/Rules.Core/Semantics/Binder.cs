using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Globalization;
using Rules.Core.Diagnostics;
using Rules.Core.Evaluation;
using Rules.Core.Syntax;
using Rules.Core.Workspace;

namespace Rules.Core.Semantics;

/// <summary>
/// Builds the semantic model of a framework from its syntax trees: declares symbols, reports
/// duplicates, resolves every name and code, binds and type-checks expressions. What it finds in each file goes
/// to that file's <see cref="FileBinding"/>; given the previous compilation, <see cref="Incremental"/> binds only
/// the files an edit affects, against the declarations of the others.
/// </summary>
internal sealed partial class Binder
{
    private readonly FrameworkProject _project;
    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<SyntaxTree> _imported;
    private readonly List<Diagnostic> _globalDiagnostics = new();

    /// <summary>Declarations of the files this binder reuses from an earlier compilation (empty when it binds every file).</summary>
    private readonly DeclarationTable _cold;
    /// <summary>Declarations of the files this binder binds.</summary>
    private readonly DeclarationTable _hot;

    private readonly ChunkedList<(RoutedSymbol Owner, WhenClauseSyntax When, FileBinding File)> _pendingConditions = new();
    private readonly ChunkedList<(CheckSymbol Check, CheckDeclarationSyntax Syntax, FileBinding File)> _pendingChecks = new();
    private readonly ChunkedList<(QuestionSymbol Question, SyntaxToken SetName, FileBinding File)> _pendingAnswerSets = new();

    // Lists reused for every standard and key question, since each is copied into its symbol (lists made for each
    // were garbage). A standard's key questions are declared, each with its prompts, before the next standard.
    private readonly List<KeyQuestionSymbol> _keyQuestionsOfStandard = [];
    private readonly List<PromptSymbol> _promptsOfKeyQuestion = [];

    /// <summary>Set when binding only some files met something that needs every file bound again (see <see cref="Incremental"/>).</summary>
    public bool NeedsFullBinding { get; private set; }

    private SyntaxTree _tree = null!;
    private FileBinding _file = null!;

    internal Binder(FrameworkProject project, ImmutableArray<SyntaxTree> trees, ImmutableArray<SyntaxTree> imported, DeclarationTable cold, int characters)
    {
        _project = project;
        _trees = trees;
        _imported = imported;
        _cold = cold;
        // Tables sized from the amount of text (the frameworks here have a question every 60-190 characters): the
        // binder runs on every keystroke in the editor, and growing them is garbage.
        _hot = new DeclarationTable(characters / 64);
    }

    public static SemanticModel Bind(
        FrameworkProject project, ImmutableArray<SyntaxTree> trees, ImmutableArray<SyntaxTree> imported, IEnumerable<Diagnostic> priorDiagnostics,
        SemanticModel? previous = null)
    {
        var prior = priorDiagnostics.ToList();
        if (previous is not null && Incremental.TryBind(project, trees, imported, prior, previous) is { } model) return model;
        var characters = 0;
        foreach (var tree in trees) characters += tree.Text.Length;
        foreach (var tree in imported) characters += tree.Text.Length;
        var binder = new Binder(project, trees, imported, new DeclarationTable(), characters);
        var files = binder.BindFiles([.. imported.Select(t => (t, true)), .. trees.Select(t => (t, false))]);
        return binder.CreateModel([.. files], prior, IncrementalState.Empty);
    }

    /// <summary>Binds the given files (in the project's order) against each other and the cold table.</summary>
    internal List<FileBinding> BindFiles(IReadOnlyList<(SyntaxTree Tree, bool Imported)> files)
    {
        var bindings = new List<FileBinding>(files.Count);
        foreach (var (tree, imported) in files)
        {
            var binding = new FileBinding(tree, imported);
            binding.Bound.EnsureCapacity(tree.Text.Length / 56); // an expression every 60–80 characters (67 in the benchmark): filled without rehashing
            bindings.Add(binding);
        }

        // Libraries first, so a framework's own declarations of the same name are the duplicates.
        foreach (var binding in bindings) DeclareTree(binding);

        foreach (var (question, setName, file) in _pendingAnswerSets)
        {
            Enter(file);
            question.AnswerSet = ResolveAnswerSet(setName);
        }
        foreach (var (owner, when, file) in _pendingConditions)
        {
            Enter(file);
            owner.Condition = BindCondition(when.Condition);
        }
        foreach (var (check, syntax, file) in _pendingChecks)
        {
            Enter(file);
            check.Condition = BindCondition(syntax.When.Condition);
        }
        foreach (var binding in bindings)
            if (!binding.Imported) BindLateDeclarations(binding);
        return bindings;
    }

    internal SemanticModel CreateModel(ImmutableArray<FileBinding> files, List<Diagnostic> prior, IncrementalState state)
    {
        var framework = _hot.Framework ?? _cold.Framework;
        _globalDiagnostics.AddRange(prior);
        CheckFrameworkCount(framework);
        return new SemanticModel(_project, _trees, _imported, framework, files, [.. _globalDiagnostics], state);
    }

    private void Enter(FileBinding file)
    {
        _file = file;
        _tree = file.Tree;
    }

    private Location Loc(SyntaxElement element) => new(_tree.Text, element.Span);

    private void Report(Diagnostic diagnostic) => _file.Diagnostics.Add(diagnostic);

    /// <summary>Records that the current file's binding was decided by a symbol of another file.</summary>
    private void DependOn(Symbol symbol)
    {
        var path = symbol.Source.Path;
        if (!ReferenceEquals(symbol.Source, _tree.Text) && path != _tree.Path) _file.DependsOn.Add(path);
    }

    private void AddReference(Symbol symbol, SyntaxElement at, bool isDeclaration = false)
    {
        if (at.IsToken && at.AsToken().IsMissing) return;
        DependOn(symbol);
        _file.References.Add(new SymbolReference(symbol, _tree.Text, at.Span, isDeclaration));
    }

    /// <summary>A name's first declaration: in a file being bound, or else in a file reused from an earlier compilation.</summary>
    private static T? Find<T>(Dictionary<string, T> hot, Dictionary<string, T> cold, string name) where T : class =>
        hot.TryGetValue(name, out var symbol) ? symbol : cold.GetValueOrDefault(name);

    /// <summary>A name already declared when the current file declares it again: its first declaration, which the
    /// current file's binding now depends on. Reusing files means the first must come from an earlier file.</summary>
    private T? FindEarlier<T>(Dictionary<string, T> hot, Dictionary<string, T> cold, string name) where T : Symbol
    {
        if (hot.TryGetValue(name, out var symbol))
        {
            DependOn(symbol);
            return symbol;
        }
        if (!cold.TryGetValue(name, out symbol)) return null;
        DependOn(symbol);
        // Found in a reused file: that file must come before this one, or its declaration was the duplicate.
        if (!Incremental.ComesBefore(_trees, _imported, symbol.Source.Path, _tree.Path)) NeedsFullBinding = true;
        return symbol;
    }

    /// <summary>Every declared name of a kind in the order of the files (so "did you mean" breaks ties as a binding of
    /// every file does): each table lists its files' names in file order.</summary>
    private IEnumerable<KeyValuePair<string, T>> Declarations<T>(Dictionary<string, T> hot, Dictionary<string, T> cold) where T : Symbol
    {
        if (cold.Count == 0) return hot;
        if (hot.Count == 0) return cold;
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tree in _imported.Concat(_trees)) order.TryAdd(tree.Path, order.Count);
        return hot.Concat(cold).OrderBy(d => order.GetValueOrDefault(d.Value.Location.Path));
    }

    private IEnumerable<string> Names<T>(Dictionary<string, T> hot, Dictionary<string, T> cold) where T : Symbol =>
        Declarations(hot, cold).Select(d => d.Key);

    /// <summary>Records a declaration for <see cref="FileBinding.Interface"/>.</summary>
    private void Declared(char kind, string name, bool duplicate = false) =>
        _file.Interface.Add(new FileDeclaration(kind, name, duplicate ? DeclarationOutcome.Duplicate : DeclarationOutcome.Declared));

    private void DeclaredInvalid(char kind, string name) => _file.Interface.Add(new FileDeclaration(kind, name, DeclarationOutcome.Invalid));

    /// <summary>
    /// Declares a symbol of the framework's scope (scale, field, answer set, standard, key question, breakdown) under
    /// its name: false, with RL0101 at <paramref name="name"/>, when an earlier declaration has that name.
    /// </summary>
    private bool TryDeclare<T>(T symbol, SyntaxToken name, char kind, string description,
        Dictionary<string, T> hot, Dictionary<string, T> cold, List<T> declaredInFile) where T : Symbol
    {
        var existing = FindEarlier(hot, cold, symbol.Name);
        Declared(kind, symbol.Name, existing is not null);
        if (existing is not null)
        {
            Report(DiagnosticCatalog.Duplicate(Loc(name), description, symbol.Name, existing.Location));
            return false;
        }
        hot[symbol.Name] = symbol;
        declaredInFile.Add(symbol);
        AddReference(symbol, name, isDeclaration: true);
        return true;
    }

    /// <summary>
    /// Adds a member of a declaration (scale level, field value, answer option) to those before it: false, with RL0101
    /// at <paramref name="name"/>, when one of them has the same name.
    /// </summary>
    private bool TryAddMember<T>(List<T> members, T member, SyntaxToken name, string description) where T : Symbol
    {
        foreach (var earlier in members)
        {
            if (earlier.Name != member.Name) continue;
            Report(DiagnosticCatalog.Duplicate(Loc(name), description, member.Name, earlier.Location));
            return false;
        }
        members.Add(member);
        AddReference(member, name, isDeclaration: true);
        return true;
    }

    private static bool IsValid(SyntaxToken token) => !token.IsMissing && token.Span.Length > 0;

    /// <summary>Whether a code is <paramref name="parts"/> non-empty runs of ASCII digits separated by dots.</summary>
    private static bool IsCodeOfParts(string code, int parts)
    {
        var count = 1;
        var runLength = 0;
        foreach (var c in code)
        {
            if (c == '.')
            {
                if (runLength == 0) return false;
                count++;
                runLength = 0;
            }
            else if (char.IsAsciiDigit(c)) runLength++;
            else return false;
        }
        return runLength > 0 && count == parts;
    }

    // ---- Declaring ------------------------------------------------------------------------------

    private void DeclareTree(FileBinding file)
    {
        Enter(file);
        var imported = file.Imported;
        foreach (var declaration in _tree.Root.Declarations)
        {
            switch (declaration)
            {
                case FrameworkDeclarationSyntax f when !imported: DeclareFramework(f); break;
                case ScaleDeclarationSyntax s: DeclareScale(s); break;
                case CaseDeclarationSyntax c: DeclareCaseFields(c); break;
                case AnswerSetDeclarationSyntax a: DeclareAnswerSet(a); break;
                case DomainDeclarationSyntax d when !imported: DeclareDomain(d); break;
                case BreakdownDeclarationSyntax b when !imported: DeclareBreakdown(b); break;
                // A library's top-level checks and signals apply in every framework that imports it.
                case CheckDeclarationSyntax c:
                    _file.GlobalChecks.Add(DeclareCheck(c, null));
                    break;
            }
        }
    }

    private void DeclareFramework(FrameworkDeclarationSyntax syntax)
    {
        var symbol = new FrameworkSymbol(syntax.Name.ValueText, Loc(syntax.Keyword), syntax);
        var existing = _hot.Framework ?? _cold.Framework;
        if (existing is not null)
        {
            Declared('F', "", duplicate: true);
            DependOn(existing);
            if (_hot.Framework is null && !Incremental.ComesBefore(_trees, _imported, existing.Location.Path, _tree.Path)) NeedsFullBinding = true;
            Report(DiagnosticCatalog.DuplicateFramework(Loc(syntax.Keyword), existing.Location));
            return;
        }
        Declared('F', "");
        _hot.Framework = symbol;
        _file.Framework = symbol;
        AddReference(symbol, syntax.Name, isDeclaration: true);
    }

    private void CheckFrameworkCount(FrameworkSymbol? framework)
    {
        if (framework is not null || _project.IsLibrary) return;
        // A framework folder whose framework declaration is missing (e.g. deleted while editing).
        var first = _trees.SelectMany(t => t.Root.Declarations.Select(d => (t, d)))
            .FirstOrDefault(x => x.d is DomainDeclarationSyntax or TestDeclarationSyntax);
        if (first.d is not null)
            _globalDiagnostics.Add(DiagnosticCatalog.NoFramework(new Location(first.t.Text, first.d.StartToken.Span), _project.RootFolder));
    }

    private void DeclareScale(ScaleDeclarationSyntax syntax)
    {
        if (!IsValid(syntax.Name)) return;
        var scale = new ScaleSymbol(syntax.Name.Text, Loc(syntax.Name), syntax);
        if (!TryDeclare(scale, syntax.Name, 'S', "Scale", _hot.Scales, _cold.Scales, _file.Scales)) return;
        var levels = new List<LevelSymbol>();
        foreach (var member in syntax.Body.Members.OfType<ScaleLevelSyntax>())
        {
            if (!IsValid(member.Name)) continue;
            var level = new LevelSymbol(member.Name.Text, Loc(member.Name), member, scale, member.Label,
                ParseInt(member.Score), ParseDecimal(member.Bound)) { IsIncomplete = !IsValid(member.Score) || !IsValid(member.Bound) };
            TryAddMember(levels, level, member.Name, "Level");
        }
        scale.Levels = [.. levels];
    }

    private void DeclareCaseFields(CaseDeclarationSyntax syntax)
    {
        foreach (var member in syntax.Body.Members.OfType<CaseFieldSyntax>())
        {
            if (!IsValid(member.Name)) continue;
            var kind = member.Type switch
            {
                NumberFieldTypeSyntax => FieldTypeKind.Number,
                BooleanFieldTypeSyntax => FieldTypeKind.Boolean,
                SetFieldTypeSyntax => FieldTypeKind.Set,
                _ => FieldTypeKind.Enum,
            };
            var field = new CaseFieldSymbol(member.Name.Text, Loc(member.Name), member, member.Label, kind);
            if (!TryDeclare(field, member.Name, 'C', "Case field", _hot.Fields, _cold.Fields, _file.Fields)) continue;
            var valueTokens = member.Type switch
            {
                EnumFieldTypeSyntax e => e.Values,
                SetFieldTypeSyntax s => s.Members.Values,
                _ => [],
            };
            var values = new List<FieldValueSymbol>();
            foreach (var token in valueTokens.Where(IsValid))
                TryAddMember(values, new FieldValueSymbol(token.Text, Loc(token), member, field, values.Count), token, "Value");
            field.Values = [.. values];
        }
    }

    private void DeclareAnswerSet(AnswerSetDeclarationSyntax syntax)
    {
        if (!IsValid(syntax.Name)) return;
        var set = new AnswerSetSymbol(syntax.Name.Text, Loc(syntax.Name), syntax);
        if (!TryDeclare(set, syntax.Name, 'A', "Answer set", _hot.AnswerSets, _cold.AnswerSets, _file.AnswerSets)) return;
        var options = new List<AnswerOptionSymbol>();
        foreach (var member in syntax.Body.Members.OfType<AnswerOptionSyntax>())
        {
            if (!IsValid(member.Name)) continue;
            var outcome = OutcomeMeant(member.Outcome) switch
            {
                "positive" => OptionOutcome.Positive,
                "not_applicable" => OptionOutcome.NotApplicable,
                _ => OptionOutcome.Negative,
            };
            var option = new AnswerOptionSymbol(member.Name.Text, Loc(member.Name), member, set, member.Label, outcome, options.Count);
            TryAddMember(options, option, member.Name, "Option");
        }
        set.Options = [.. options];
    }

    /// <summary>An option's outcome word, or the one a slip stands for ('postive': the parser took it for positive and reported it).</summary>
    private static string? OutcomeMeant(SyntaxToken? outcome) =>
        outcome is not { } token ? null
        : Array.IndexOf(SyntaxFacts.OptionOutcomes, token.Text) >= 0 ? token.Text
        : Suggestions.Nearest(token.Text, SyntaxFacts.OptionOutcomes);

    /// <summary>A domain may be written in several files (one per standard, say): declarations with
    /// the same number are one domain, and must agree on its title.</summary>
    private void DeclareDomain(DomainDeclarationSyntax syntax)
    {
        var number = syntax.Number.Text;
        var domain = IsValid(syntax.Number) ? _hot.Domains.GetValueOrDefault(number) : null;
        // A domain is one symbol across its files, declared by the first: the others depend on that file. Which
        // standards it holds is the model's to gather (see SemanticModel.StandardsOf), so the first file does not
        // depend on the others, and typing in one file of a domain does not bind the domain's other files again.
        if (IsValid(syntax.Number)) domain ??= _cold.Domains.GetValueOrDefault(number);
        Declared('D', IsValid(syntax.Number) ? number : "");
        if (domain is not null)
        {
            if (domain.Title != syntax.Title.ValueText && !syntax.Title.IsMissing)
                Report(DiagnosticCatalog.DomainTitleMismatch(Loc(syntax.Title), number, domain.Title, domain.Location));
            DependOn(domain);
        }
        else
        {
            domain = new DomainSymbol(number, Loc(syntax.Number.IsMissing ? syntax.Keyword : syntax.Number), syntax, syntax.Title);
            if (IsValid(syntax.Number))
            {
                _hot.Domains[number] = domain;
                _file.Domains.Add(domain);
            }
        }
        if (IsValid(syntax.Number)) AddReference(domain, syntax.Number, isDeclaration: true);

        foreach (var member in syntax.Body.Members)
        {
            switch (member)
            {
                case StandardDeclarationSyntax s:
                    var standard = DeclareStandard(s, domain);
                    if (standard is not null && !IsValid(syntax.Number)) _file.StandardsOutsideDomains.Add(standard);
                    break;
                case CheckDeclarationSyntax c:
                    var check = DeclareCheck(c, null);
                    if (IsValid(syntax.Number)) _file.DomainChecks.Add((domain, check));
                    break;
            }
        }
    }

    /// <summary>A check or signal; its condition is bound once every item is declared.</summary>
    private CheckSymbol DeclareCheck(CheckDeclarationSyntax syntax, RoutedSymbol? owner)
    {
        var check = new CheckSymbol(syntax.Message.ValueText, Loc(syntax.Message), syntax, syntax.IsSignal, owner);
        _pendingChecks.Add((check, syntax, _file));
        _file.Checks.Add(check);
        return check;
    }

    private StandardSymbol? DeclareStandard(StandardDeclarationSyntax syntax, DomainSymbol domain)
    {
        if (!IsValid(syntax.Code)) return null;
        var code = syntax.Code.Text;
        var standard = new StandardSymbol(code, Loc(syntax.Code), syntax, domain, syntax.Title);
        if (!TryDeclare(standard, syntax.Code, 'T', "Standard", _hot.Standards, _cold.Standards, _file.Standards)) return null;
        if (domain.Name.Length > 0 && !code.StartsWith(domain.Name + ".", StringComparison.Ordinal))
            Report(DiagnosticCatalog.CodeNotInParent(Loc(syntax.Code), "Standard", code, "domain", domain.Name));
        if (syntax.When is not null) _pendingConditions.Add((standard, syntax.When, _file));

        var keyQuestions = _keyQuestionsOfStandard;
        keyQuestions.Clear();
        List<CheckSymbol>? checks = null; // most items have none
        foreach (var member in syntax.Body.Members)
        {
            switch (member)
            {
                case SummaryClauseSyntax summary: standard.SummaryText = summary.Text; break;
                case GuidanceClauseSyntax guidance: standard.GuidanceText = guidance.Text; break;
                case RatingRuleSyntax rule:
                    if (standard.Rating is not null)
                        Report(DiagnosticCatalog.RatingRuleInvalid(Loc(rule), $"Standard {code} has more than one rating rule; keep one."));
                    else standard.Rating = rule.Method;
                    break;
                case KeyQuestionDeclarationSyntax kq:
                    var keyQuestion = DeclareKeyQuestion(kq, standard);
                    if (keyQuestion is not null) keyQuestions.Add(keyQuestion);
                    break;
                case CheckDeclarationSyntax c:
                    (checks ??= []).Add(DeclareCheck(c, standard));
                    break;
            }
        }
        standard.KeyQuestions = [.. keyQuestions];
        standard.Checks = checks is null ? [] : [.. checks];
        return standard;
    }

    private KeyQuestionSymbol? DeclareKeyQuestion(KeyQuestionDeclarationSyntax syntax, StandardSymbol standard)
    {
        if (!IsValid(syntax.Code)) return null;
        var code = syntax.Code.Text;
        var keyQuestion = new KeyQuestionSymbol(code, Loc(syntax.Code), syntax, syntax.Text, standard);
        if (!IsCodeOfParts(code, 3))
        {
            DeclaredInvalid('Q', code);
            Report(DiagnosticCatalog.InvalidCode(Loc(syntax.Code), "Key question", code, "a key question's code is its standard's code and one more number, such as 2.4.1"));
            return null;
        }
        if (!code.StartsWith(standard.Code + ".", StringComparison.Ordinal))
            Report(DiagnosticCatalog.CodeNotInParent(Loc(syntax.Code), "Key question", code, "standard", standard.Code));
        if (!TryDeclare<QuestionSymbol>(keyQuestion, syntax.Code, 'Q', "Key question", _hot.Questions, _cold.Questions, _file.Questions)) return null;
        if (IsValid(syntax.AnswerSet)) _pendingAnswerSets.Add((keyQuestion, syntax.AnswerSet, _file));
        if (syntax.When is not null) _pendingConditions.Add((keyQuestion, syntax.When, _file));

        var prompts = _promptsOfKeyQuestion;
        prompts.Clear();
        List<CheckSymbol>? checks = null; // most items have none
        foreach (var member in syntax.Body?.Members ?? [])
        {
            switch (member)
            {
                case PromptDeclarationSyntax p:
                    var prompt = DeclarePrompt(p, keyQuestion, prompts);
                    if (prompt is not null) prompts.Add(prompt);
                    break;
                case GuidanceClauseSyntax g: keyQuestion.GuidanceText = g.Text; break;
                case CheckDeclarationSyntax c:
                    (checks ??= []).Add(DeclareCheck(c, keyQuestion));
                    break;
            }
        }
        keyQuestion.Prompts = [.. prompts];
        keyQuestion.Checks = checks is null ? [] : [.. checks];
        return keyQuestion;
    }

    private PromptSymbol? DeclarePrompt(PromptDeclarationSyntax syntax, KeyQuestionSymbol keyQuestion, List<PromptSymbol> siblings)
    {
        if (!IsValid(syntax.Letter)) return null;
        var letter = syntax.Letter.Text;
        if (letter.Length != 1 || letter[0] is < 'a' or > 'z')
        {
            DeclaredInvalid('P', letter);
            Report(DiagnosticCatalog.InvalidCode(Loc(syntax.Letter), "Prompt", letter, "a prompt's letter is one lower-case letter, such as a"));
            return null;
        }
        var code = keyQuestion.Code + "." + letter;
        var prompt = new PromptSymbol(code, Loc(syntax.Letter), syntax, syntax.Text, keyQuestion, letter);
        PromptSymbol? dup = null;
        foreach (var sibling in siblings)
            if (sibling.Letter == letter) { dup = sibling; break; }
        Declared('P', code, dup is not null);
        if (dup is not null)
        {
            Report(DiagnosticCatalog.Duplicate(Loc(syntax.Letter), "Prompt", code, dup.Location));
            return null;
        }
        // A prompt's code cannot clash with another file's: its key question's code was declared first.
        _hot.Questions[code] = prompt;
        _file.Questions.Add(prompt);
        AddReference(prompt, syntax.Letter, isDeclaration: true);
        if (IsValid(syntax.AnswerSet)) _pendingAnswerSets.Add((prompt, syntax.AnswerSet, _file));
        if (syntax.When is not null) _pendingConditions.Add((prompt, syntax.When, _file));
        List<CheckSymbol>? checks = null; // most items have none
        foreach (var member in syntax.Body?.Members ?? [])
        {
            switch (member)
            {
                case GuidanceClauseSyntax g: prompt.GuidanceText = g.Text; break;
                case CheckDeclarationSyntax c:
                    (checks ??= []).Add(DeclareCheck(c, prompt));
                    break;
            }
        }
        prompt.Checks = checks is null ? [] : [.. checks];
        return prompt;
    }

    private void DeclareBreakdown(BreakdownDeclarationSyntax syntax)
    {
        if (!IsValid(syntax.Name)) return;
        var breakdown = new BreakdownSymbol(syntax.Name.Text, Loc(syntax.Name), syntax, syntax.Title);
        TryDeclare(breakdown, syntax.Name, 'B', "Breakdown", _hot.Breakdowns, _cold.Breakdowns, _file.Breakdowns);
    }

    // ---- Late binding: things that need every declaration -----------------------------------------

    private void BindLateDeclarations(FileBinding file)
    {
        Enter(file);
        foreach (var declaration in _tree.Root.Declarations)
        {
            switch (declaration)
            {
                case FrameworkDeclarationSyntax f when _file.Framework is { } framework && ReferenceEquals(framework.Syntax, f):
                    BindFramework(f, framework);
                    break;
                case BreakdownDeclarationSyntax b:
                    var breakdown = _file.Breakdowns.FirstOrDefault(x => ReferenceEquals(x.Syntax, b));
                    if (breakdown is not null) BindBreakdown(b, breakdown);
                    break;
                case TestDeclarationSyntax t:
                    BindTest(t);
                    break;
            }
        }
    }

    private void BindFramework(FrameworkDeclarationSyntax syntax, FrameworkSymbol framework)
    {
        var bands = new List<OverallBand>();
        foreach (var member in syntax.Body.Members)
        {
            switch (member)
            {
                case VersionClauseSyntax v: framework.Version = v.Value.ValueText; break;
                case ScaleClauseSyntax s when IsValid(s.ScaleName):
                    var scale = Find(_hot.Scales, _cold.Scales, s.ScaleName.Text);
                    if (scale is null)
                        Report(DiagnosticCatalog.UnknownScale(Loc(s.ScaleName), s.ScaleName.Text, [.. Names(_hot.Scales, _cold.Scales)]));
                    else
                    {
                        framework.Scale = scale;
                        AddReference(scale, s.ScaleName);
                    }
                    break;
                case OverallBlockSyntax o:
                    foreach (var band in o.Body.Members.OfType<OverallBandSyntax>())
                        bands.Add(new OverallBand(null, band.Level.Text, ParseInt(band.Bound), Loc(band)));
                    break;
            }
        }
        // Levels are resolved once the scale is known, wherever the clauses stand.
        var resolved = new List<OverallBand>();
        var bandSyntax = syntax.Body.Members.OfType<OverallBlockSyntax>().SelectMany(o => o.Body.Members.OfType<OverallBandSyntax>()).ToList();
        for (var i = 0; i < bands.Count; i++)
        {
            var level = framework.Scale?.FindLevel(bands[i].LevelName);
            if (framework.Scale is not null && level is null)
                Report(DiagnosticCatalog.UnknownLevel(Loc(bandSyntax[i].Level), framework.Scale.Name, bands[i].LevelName,
                    [.. framework.Scale.Levels.Select(l => l.Name)]));
            if (level is not null) AddReference(level, bandSyntax[i].Level);
            resolved.Add(bands[i] with { Level = level });
        }
        framework.OverallBands = [.. resolved];
    }

    private AnswerSetSymbol? ResolveAnswerSet(SyntaxToken name)
    {
        if (Find(_hot.AnswerSets, _cold.AnswerSets, name.Text) is not { } set)
        {
            Report(DiagnosticCatalog.UnknownAnswerSet(Loc(name), name.Text, [.. Names(_hot.AnswerSets, _cold.AnswerSets)]));
            return null;
        }
        AddReference(set, name);
        return set;
    }

    private CaseFieldSymbol? ResolveField(SyntaxToken name)
    {
        if (!IsValid(name)) return null;
        if (Find(_hot.Fields, _cold.Fields, name.Text) is not { } field)
        {
            Report(DiagnosticCatalog.UnknownCaseField(Loc(name), name.Text, [.. Names(_hot.Fields, _cold.Fields)]));
            return null;
        }
        AddReference(field, name);
        return field;
    }

    private QuestionSymbol? ResolveQuestion(SyntaxToken code)
    {
        if (!IsValid(code)) return null;
        if (Find(_hot.Questions, _cold.Questions, code.Text) is { } question)
        {
            AddReference(question, code);
            return question;
        }
        Report(UnknownQuestion(code));
        return null;
    }

    /// <summary>
    /// RL0102. When the code's key question (for a prompt) or standard (for a key question) exists, the author has its
    /// number right and wants to know what it holds; a near code elsewhere ("did you mean 2.4.3.e?" for 2.3.3.e)
    /// would send them to another standard.
    /// </summary>
    private Diagnostic UnknownQuestion(SyntaxToken code)
    {
        var text = code.Text;
        var lastDot = text.LastIndexOf('.');
        if (lastDot > 0)
        {
            var parent = text[..lastDot];
            var last = text[(lastDot + 1)..];
            if (last.Length > 0 && last.All(char.IsAsciiLetter) && Find(_hot.Questions, _cold.Questions, parent) is KeyQuestionSymbol keyQuestion)
                return DiagnosticCatalog.UnknownPrompt(Loc(code), parent, last, [.. keyQuestion.Prompts.Select(p => p.Letter)]);
            if (IsCodeOfParts(text, 3) && Find(_hot.Standards, _cold.Standards, parent) is { } standard)
                return DiagnosticCatalog.UnknownKeyQuestion(Loc(code), parent, text, [.. standard.KeyQuestions.Select(k => k.Code)]);
        }
        return DiagnosticCatalog.UnknownReference(Loc(code), text, Suggestions.Nearest(text, Names(_hot.Questions, _cold.Questions)));
    }

    private void BindBreakdown(BreakdownDeclarationSyntax syntax, BreakdownSymbol breakdown)
    {
        var field = ResolveField(syntax.Field);
        breakdown.Field = field;
        var groups = new List<BreakdownGroup>();
        foreach (var group in syntax.Body.Members.OfType<BreakdownGroupSyntax>())
        {
            var label = group.Label.ValueText;
            switch (group.Spec)
            {
                case OptionListGroupSpecSyntax list:
                    var values = new List<FieldValueSymbol>();
                    if (field is not null && field.Type is not (FieldTypeKind.Enum or FieldTypeKind.Set))
                    {
                        Report(DiagnosticCatalog.BreakdownInvalid(Loc(group.Spec),
                            $"Group \"{label}\" lists options, but case field '{field.Name}' is {field.TypeDisplay}; use {(field.Type == FieldTypeKind.Number ? "a range such as 18 to 25 or 'from 56'" : "true or false")}."));
                        break;
                    }
                    foreach (var token in list.Options.Where(IsValid))
                    {
                        if (field is null) continue;
                        var value = field.FindValue(token.Text);
                        if (value is null)
                        {
                            Report(DiagnosticCatalog.UnknownOption(Loc(token), $"Case field '{field.Name}'", token.Text, [.. field.Values.Select(v => v.Name)]));
                            continue;
                        }
                        AddReference(value, token);
                        values.Add(value);
                    }
                    groups.Add(new BreakdownGroup(label, Loc(group), [.. values], null, null, null));
                    break;
                case RangeGroupSpecSyntax range:
                    if (field is not null && field.Type != FieldTypeKind.Number)
                    {
                        Report(DiagnosticCatalog.BreakdownInvalid(Loc(group.Spec), $"Group \"{label}\" is a number range, but case field '{field.Name}' is {field.TypeDisplay}."));
                        break;
                    }
                    // '18 - 25', '18-25': a bound or the 'to' is missing (a syntax error, reported); such a group would only
                    // add made-up overlaps or a range that runs backwards.
                    if (!IsValid(range.Low) || !IsValid(range.High) || range.ToKeyword.IsMissing) break;
                    groups.Add(new BreakdownGroup(label, Loc(group), [], ParseDouble(range.Low), ParseDouble(range.High), null));
                    break;
                case FromGroupSpecSyntax from:
                    if (field is not null && field.Type != FieldTypeKind.Number)
                    {
                        Report(DiagnosticCatalog.BreakdownInvalid(Loc(group.Spec), $"Group \"{label}\" is a number range, but case field '{field.Name}' is {field.TypeDisplay}."));
                        break;
                    }
                    if (!IsValid(from.Low)) break;
                    groups.Add(new BreakdownGroup(label, Loc(group), [], ParseDouble(from.Low), null, null));
                    break;
                case BooleanGroupSpecSyntax boolean:
                    if (field is not null && field.Type != FieldTypeKind.Boolean)
                    {
                        Report(DiagnosticCatalog.BreakdownInvalid(Loc(group.Spec), $"Group \"{label}\" is true or false, but case field '{field.Name}' is {field.TypeDisplay}."));
                        break;
                    }
                    groups.Add(new BreakdownGroup(label, Loc(group), [], null, null, boolean.Value.Text == "true"));
                    break;
            }
        }
        breakdown.Groups = [.. groups];
    }

    private void BindTest(TestDeclarationSyntax syntax)
    {
        var test = new TestSymbol(syntax.Name.ValueText, Loc(syntax.Name.IsMissing ? syntax.Keyword : syntax.Name), syntax);
        var dup = FindEarlier(_hot.Tests, _cold.Tests, test.Name);
        Declared('E', test.Name, dup is not null);
        if (dup is not null) Report(DiagnosticCatalog.Duplicate(Loc(syntax.Name), "Test", test.Name, dup.Location));
        else _hot.Tests[test.Name] = test;
        _file.Tests.Add(test);
        AddReference(test, syntax.Name.IsMissing ? syntax.Keyword : syntax.Name, isDeclaration: true);

        var values = new List<TestCaseValue>();
        var answers = new List<TestAnswer>();
        var expectations = new List<TestExpectation>();
        // Where each field and code was first given (a test may answer dozens of questions).
        var firstValue = new Dictionary<string, Location>(StringComparer.Ordinal);
        var firstAnswer = new Dictionary<string, Location>(StringComparer.Ordinal);
        foreach (var member in syntax.Body.Members)
        {
            switch (member)
            {
                case TestCaseBlockSyntax block:
                    foreach (var inner in block.Body.Members)
                    {
                        if (inner is not TestCaseEntrySyntax entry) continue; // (not OfType: tests hold most of a framework's entries)
                        if (firstValue.TryGetValue(entry.Field.Text, out var firstValueAt))
                            Report(DiagnosticCatalog.Duplicate(Loc(entry.Field), "Case value", entry.Field.Text, firstValueAt));
                        var field = ResolveField(entry.Field);
                        var value = BindTestValue(entry.Value, field);
                        if (value is null) continue;
                        values.Add(new TestCaseValue(entry.Field.Text, value, Loc(entry)));
                        firstValue.TryAdd(entry.Field.Text, values[^1].Location);
                    }
                    break;
                case TestAnswersBlockSyntax block:
                    foreach (var inner in block.Body.Members)
                    {
                        if (inner is not TestAnswerEntrySyntax entry) continue;
                        var codeText = entry.Code.ValueText;
                        if (firstAnswer.TryGetValue(codeText, out var firstAnswerAt))
                            Report(DiagnosticCatalog.Duplicate(Loc(entry.Code), "Answer", codeText, firstAnswerAt));
                        else firstAnswer[codeText] = Loc(entry);
                        // A quoted code or option is raw input, not checked here, so that a test can
                        // show how the engine rejects bad data (RL1002, RL1003).
                        if (entry.Code.Kind == SyntaxKind.StringToken || entry.Option.Kind == SyntaxKind.StringToken)
                        {
                            if (entry.Code.Kind != SyntaxKind.StringToken) ResolveQuestion(entry.Code);
                            answers.Add(new TestAnswer(codeText, entry.Option.ValueText, Loc(entry)));
                            continue;
                        }
                        var question = ResolveQuestion(entry.Code);
                        if (question?.AnswerSet is { } set && IsValid(entry.Option))
                        {
                            var option = set.FindOption(entry.Option.Text);
                            if (option is null)
                                Report(DiagnosticCatalog.UnknownOption(Loc(entry.Option), Capitalize(question.Display), entry.Option.Text, [.. set.Options.Select(o => o.Name)]));
                            else AddReference(option, entry.Option);
                        }
                        answers.Add(new TestAnswer(entry.Code.Text, entry.Option.Text, Loc(entry)));
                    }
                    break;
                case ExpectationSyntax expect:
                    QuestionSymbol? item = null;
                    if (expect.Code is { } code) item = ResolveQuestion(code);
                    var message = expect.Expectation == ExpectationKind.Signal ? expect.Words[^1].ValueText : null;
                    string? expectedOption = null;
                    if (expect.Expectation == ExpectationKind.AnsweredWith && IsValid(expect.Words[^1]))
                    {
                        var optionToken = expect.Words[^1];
                        expectedOption = optionToken.Text;
                        if (item?.AnswerSet is { } expectedSet)
                        {
                            var option = expectedSet.FindOption(optionToken.Text);
                            if (option is null)
                                Report(DiagnosticCatalog.UnknownOption(Loc(optionToken), Capitalize(item.Display), optionToken.Text, [.. expectedSet.Options.Select(o => o.Name)]));
                            else AddReference(option, optionToken);
                        }
                    }
                    expectations.Add(new TestExpectation(expect.Expectation, item, expect.Code?.Text, message, Loc(expect), expectedOption));
                    break;
            }
        }
        test.CaseValues = [.. values];
        test.Answers = [.. answers];
        test.Expectations = [.. expectations];
    }

    private CaseValue? BindTestValue(ExpressionSyntax value, CaseFieldSymbol? field)
    {
        // Quoted text is raw input, not checked here: a test can show how bad data is rejected (RL1003).
        if (value is StringLiteralExpressionSyntax raw) return new CaseValue.Text(raw.Value.ValueText);
        CaseValue? result = value switch
        {
            NumberLiteralExpressionSyntax n => new CaseValue.Number(ParseDouble(n.Number)),
            BooleanLiteralExpressionSyntax b => new CaseValue.Boolean(b.BooleanValue),
            StringLiteralExpressionSyntax s => new CaseValue.Text(s.Value.ValueText),
            NameExpressionSyntax name => new CaseValue.Text(name.Name.Text),
            SetExpressionSyntax set => new CaseValue.List([.. set.Items.Select(i => i.Text)]),
            _ => null,
        };
        if (field is null || result is null) return result;
        switch (field.Type)
        {
            case FieldTypeKind.Number when result is not CaseValue.Number:
            case FieldTypeKind.Boolean when result is not CaseValue.Boolean:
            case FieldTypeKind.Set when result is not CaseValue.List:
            case FieldTypeKind.Enum when result is not CaseValue.Text:
                Report(DiagnosticCatalog.TypeMismatch(Loc(value), $"Case field '{field.Name}' takes {DescribeFieldValues(field)}, not {value}."));
                return null;
        }
        // Each value named (one, or each of a set) is the field's value or an error (a loop rather than a list of
        // them: a test writes a value for most fields).
        if (value is NameExpressionSyntax written) BindTestFieldValue(written.Name, field);
        else if (value is SetExpressionSyntax set)
            foreach (var token in set.ItemsAndCommas)
                if (token.Kind == SyntaxKind.IdentifierToken) BindTestFieldValue(token, field);
        return result;
    }

    private void BindTestFieldValue(SyntaxToken token, CaseFieldSymbol field)
    {
        if (!IsValid(token)) return;
        var v = field.FindValue(token.Text);
        if (v is null)
            Report(DiagnosticCatalog.UnknownOption(Loc(token), $"Case field '{field.Name}'", token.Text, [.. field.Values.Select(x => x.Name)]));
        else AddReference(v, token);
    }

    private static string DescribeFieldValues(CaseFieldSymbol field) => field.Type switch
    {
        FieldTypeKind.Number => "a number",
        FieldTypeKind.Boolean => "true or false",
        FieldTypeKind.Set => "a set such as {" + string.Join(", ", field.Values.Take(2).Select(v => v.Name)) + "}",
        _ => "one of " + string.Join(", ", field.Values.Select(v => v.Name)),
    };

    internal static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    // ---- Numbers --------------------------------------------------------------------------------

    private static int ParseInt(SyntaxToken token) =>
        int.TryParse(token.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static decimal ParseDecimal(SyntaxToken token) =>
        decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0;

    internal static double ParseDouble(SyntaxToken token) =>
        double.TryParse(token.Text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
