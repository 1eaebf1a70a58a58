using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Evaluation;
using Rules.Core.Syntax;
using Rules.Core.Text;

namespace Rules.Core.Semantics;

public enum SymbolKind
{
    Framework,
    Scale,
    Level,
    CaseField,
    FieldValue,
    AnswerSet,
    AnswerOption,
    Domain,
    Standard,
    KeyQuestion,
    Prompt,
    Check,
    Breakdown,
    Test,
}

/// <summary>
/// A named thing an author declares. Symbols are built once by the binder and not changed after;
/// their collections are filled during binding, before the model is handed out.
/// </summary>
public abstract class Symbol(string name, Location location, SyntaxNode syntax)
{
    public string Name { get; } = name;

    // Where the name is written, kept as its parts rather than a Location object: a check keeps every symbol, and an
    // object per symbol (a tenth of what a check kept) is that much more for the collector to walk.
    private readonly SourceText _source = location.Source;
    private readonly TextSpan _span = location.Span;

    /// <summary>Where the symbol's name is written (its code, letter or name token).</summary>
    public Location Location => new(_source, _span);

    /// <summary>The file the symbol is declared in (<see cref="Location"/>'s, without making it).</summary>
    internal SourceText Source => _source;

    /// <summary>Where in its file the name is written (<see cref="Location"/>'s, without making it).</summary>
    internal TextSpan Span => _span;

    public SyntaxNode Syntax { get; } = syntax;

    /// <summary>A hash of where the symbol is declared, worked out while its place is at hand (see <see cref="SymbolComparer"/>).</summary>
    internal int PlaceHash { get; } = (location.Span.Start * 397) ^ (int)syntax.Kind;

    public abstract SymbolKind Kind { get; }

    /// <summary>How authors name it in messages: "prompt 2.4.1.d", "answer set 'YesNo'".</summary>
    public abstract string Display { get; }

    public override string ToString() => Display;

    /// <summary>The member of a short list with this name (a loop: lookups run for every name in every condition).</summary>
    private protected static T? Named<T>(ImmutableArray<T> symbols, string name) where T : Symbol
    {
        foreach (var symbol in symbols)
            if (symbol.Name == name) return symbol;
        return null;
    }
}

public sealed class FrameworkSymbol(string name, Location location, SyntaxNode syntax) : Symbol(name, location, syntax)
{
    public override SymbolKind Kind => SymbolKind.Framework;
    public override string Display => $"framework \"{Name}\"";
    public string? Version { get; internal set; }
    public ScaleSymbol? Scale { get; internal set; }
    public ImmutableArray<OverallBand> OverallBands { get; internal set; } = [];
}

/// <summary><c>good from 14</c>: the lowest total score that earns the level overall.</summary>
public sealed record OverallBand(LevelSymbol? Level, string LevelName, int Bound, Location Location);

public sealed class ScaleSymbol(string name, Location location, SyntaxNode syntax) : Symbol(name, location, syntax)
{
    public override SymbolKind Kind => SymbolKind.Scale;
    public override string Display => $"scale '{Name}'";
    public ImmutableArray<LevelSymbol> Levels { get; internal set; } = [];
    public LevelSymbol? FindLevel(string name) => Named(Levels, name);
}

public sealed class LevelSymbol(string name, Location location, SyntaxNode syntax, ScaleSymbol scale, SyntaxToken label, int score, decimal bound)
    : Symbol(name, location, syntax)
{
    public override SymbolKind Kind => SymbolKind.Level;
    public override string Display => $"level '{Name}' of scale '{Scale.Name}'";
    public ScaleSymbol Scale { get; } = scale;
    public string Label => label.ValueText;
    public int Score { get; } = score;
    /// <summary>Inclusive lower bound of the percentage of positive cases.</summary>
    public decimal Bound { get; } = bound;

    /// <summary>The score or the bound is missing (a syntax error already says so): the level is not compared with the others.</summary>
    internal bool IsIncomplete { get; init; }
}

public enum FieldTypeKind
{
    Number,
    Boolean,
    Enum,
    Set,
}

public sealed class CaseFieldSymbol(string name, Location location, SyntaxNode syntax, SyntaxToken label, FieldTypeKind type)
    : Symbol(name, location, syntax)
{
    public override SymbolKind Kind => SymbolKind.CaseField;
    public override string Display => $"case field '{Name}'";
    public string Label => label.ValueText;
    public FieldTypeKind Type { get; } = type;
    /// <summary>The allowed values of an enum field, or the possible members of a set field.</summary>
    public ImmutableArray<FieldValueSymbol> Values { get; internal set; } = [];
    public FieldValueSymbol? FindValue(string name) => Named(Values, name);

    /// <summary>The type of <c>case.field</c> (made once: every reference to an enum or set field has it).</summary>
    internal BoundType ValueType => _valueType ??= Type switch
    {
        FieldTypeKind.Number => BoundType.Number,
        FieldTypeKind.Boolean => BoundType.Boolean,
        FieldTypeKind.Enum => new BoundType(BoundTypeKind.Enum, Field: this),
        _ => new BoundType(BoundTypeKind.Set, Field: this),
    };

    private BoundType? _valueType;

    public string TypeDisplay => Type switch
    {
        FieldTypeKind.Number => "number",
        FieldTypeKind.Boolean => "boolean",
        FieldTypeKind.Enum => string.Join(" | ", Values.Select(v => v.Name)),
        _ => "set of " + string.Join(" | ", Values.Select(v => v.Name)),
    };
}

public sealed class FieldValueSymbol(string name, Location location, SyntaxNode syntax, CaseFieldSymbol field, int index)
    : Symbol(name, location, syntax)
{
    public override SymbolKind Kind => SymbolKind.FieldValue;
    public override string Display => $"value '{Name}' of case field '{Field.Name}'";
    public CaseFieldSymbol Field { get; } = field;
    public int Index { get; } = index;
}

public sealed class AnswerSetSymbol(string name, Location location, SyntaxNode syntax) : Symbol(name, location, syntax)
{
    public override SymbolKind Kind => SymbolKind.AnswerSet;
    public override string Display => $"answer set '{Name}'";
    public ImmutableArray<AnswerOptionSymbol> Options { get; internal set; } = [];
    public AnswerOptionSymbol? FindOption(string name) => Named(Options, name);
    public bool HasPositiveOption => Options.Any(o => o.Outcome == OptionOutcome.Positive);

    /// <summary>The type of a question answered from this set (made once: every reference to such a question has it).</summary>
    internal BoundType AnswerType => _answerType ??= new BoundType(BoundTypeKind.Answer, AnswerSet: this);

    private BoundType? _answerType;
}

public enum OptionOutcome
{
    Negative,
    Positive,
    NotApplicable,
}

public sealed class AnswerOptionSymbol(string name, Location location, SyntaxNode syntax, AnswerSetSymbol set, SyntaxToken label, OptionOutcome outcome, int index)
    : Symbol(name, location, syntax)
{
    public override SymbolKind Kind => SymbolKind.AnswerOption;
    public override string Display => $"option '{Name}' of answer set '{AnswerSet.Name}'";
    public AnswerSetSymbol AnswerSet { get; } = set;
    public string Label => label.ValueText;
    public OptionOutcome Outcome { get; } = outcome;
    public int Index { get; } = index;
}

public sealed class DomainSymbol(string name, Location location, SyntaxNode syntax, SyntaxToken title) : Symbol(name, location, syntax)
{
    public override SymbolKind Kind => SymbolKind.Domain;
    public override string Display => $"domain {Name}";
    public string Title => title.ValueText;
    // Its standards and checks are the model's to list (SemanticModel.StandardsOf, ChecksOf): a domain written in
    // several files is the symbol of the first, shared by compilations that bind the others again.
}

/// <summary>Something that can apply or not to a case: a standard, key question or prompt.</summary>
public abstract class RoutedSymbol(string name, Location location, SyntaxNode syntax) : Symbol(name, location, syntax)
{
    public string Code => Name;
    /// <summary>The item's own <c>when</c> condition, if any.</summary>
    public BoundExpression? Condition { get; internal set; }
    public abstract RoutedSymbol? Parent { get; }
    public ImmutableArray<CheckSymbol> Checks { get; internal set; } = [];
    public string? Guidance => GuidanceText?.ValueText;

    internal SyntaxToken? GuidanceText { get; set; }

    /// <summary>The item's condition and every enclosing one, outermost first.</summary>
    public IReadOnlyList<(RoutedSymbol Owner, BoundExpression Condition)> ConditionChain()
    {
        var chain = new List<(RoutedSymbol, BoundExpression)>();
        for (RoutedSymbol? s = this; s is not null; s = s.Parent)
            if (s.Condition is not null) chain.Add((s, s.Condition));
        chain.Reverse();
        return chain;
    }
}

public sealed class StandardSymbol(string name, Location location, SyntaxNode syntax, DomainSymbol domain, SyntaxToken title)
    : RoutedSymbol(name, location, syntax)
{
    public override SymbolKind Kind => SymbolKind.Standard;
    public override string Display => $"standard {Name}";
    public DomainSymbol Domain { get; } = domain;
    public string Title => title.ValueText;
    public string? Summary => SummaryText?.ValueText;

    internal SyntaxToken? SummaryText { get; set; }
    public RatingMethod? Rating { get; internal set; }
    public ImmutableArray<KeyQuestionSymbol> KeyQuestions { get; internal set; } = [];
    public override RoutedSymbol? Parent => null;
    public bool IsRated => Rating is RatingMethod.LowestKeyQuestion or RatingMethod.Inspector;
}

/// <summary>A key question or a prompt: a question with an answer set that inspectors answer.</summary>
public abstract class QuestionSymbol(string code, Location location, SyntaxNode syntax, SyntaxToken text)
    : RoutedSymbol(code, location, syntax)
{
    public string Text => text.ValueText;
    /// <summary>Null when the answer set named is unknown (RL0103 was reported).</summary>
    public AnswerSetSymbol? AnswerSet { get; internal set; }
    public abstract StandardSymbol Standard { get; }
}

public sealed class KeyQuestionSymbol(string code, Location location, SyntaxNode syntax, SyntaxToken text, StandardSymbol standard)
    : QuestionSymbol(code, location, syntax, text)
{
    public override SymbolKind Kind => SymbolKind.KeyQuestion;
    public override string Display => $"key question {Name}";
    public override StandardSymbol Standard { get; } = standard;
    public override RoutedSymbol? Parent => Standard;
    public ImmutableArray<PromptSymbol> Prompts { get; internal set; } = [];
}

public sealed class PromptSymbol(string code, Location location, SyntaxNode syntax, SyntaxToken text, KeyQuestionSymbol keyQuestion, string letter)
    : QuestionSymbol(code, location, syntax, text)
{
    public override SymbolKind Kind => SymbolKind.Prompt;
    public override string Display => $"prompt {Name}";
    public KeyQuestionSymbol KeyQuestion { get; } = keyQuestion;
    public string Letter { get; } = letter;
    public override StandardSymbol Standard => KeyQuestion.Standard;
    public override RoutedSymbol? Parent => KeyQuestion;
}

/// <summary><c>check</c> (the case is rejected) or <c>signal</c> (a warning), owned by an item or global.</summary>
public sealed class CheckSymbol(string message, Location location, SyntaxNode syntax, bool isSignal, RoutedSymbol? owner)
    : Symbol(message, location, syntax)
{
    public override SymbolKind Kind => SymbolKind.Check;
    public override string Display => IsSignal ? $"signal \"{Name}\"" : $"check \"{Name}\"";
    public string Message => Name;
    public bool IsSignal { get; } = isSignal;
    public RoutedSymbol? Owner { get; } = owner;
    public BoundExpression Condition { get; internal set; } = BoundExpression.Error;
}

public sealed class BreakdownSymbol(string name, Location location, SyntaxNode syntax, SyntaxToken title) : Symbol(name, location, syntax)
{
    public override SymbolKind Kind => SymbolKind.Breakdown;
    public override string Display => $"breakdown '{Name}'";
    public string Title => title.ValueText;
    public CaseFieldSymbol? Field { get; internal set; }
    public ImmutableArray<BreakdownGroup> Groups { get; internal set; } = [];
}

/// <summary>One row group of a breakdown: a list of enum values, a number range, or a boolean.</summary>
public sealed record BreakdownGroup(
    string Label,
    Location Location,
    ImmutableArray<FieldValueSymbol> Values,
    double? Low,
    double? High,
    bool? Boolean);

public sealed class TestSymbol(string name, Location location, SyntaxNode syntax) : Symbol(name, location, syntax)
{
    public override SymbolKind Kind => SymbolKind.Test;
    public override string Display => $"test \"{Name}\"";
    public ImmutableArray<TestCaseValue> CaseValues { get; internal set; } = [];
    public ImmutableArray<TestAnswer> Answers { get; internal set; } = [];
    public ImmutableArray<TestExpectation> Expectations { get; internal set; } = [];
}

/// <summary>
/// An entry of a test (a case value, an answer, an expectation) and where it is written. The place is kept as a file
/// and a span, with the <see cref="Location"/> made when asked for, as symbols keep theirs: a check keeps every test,
/// and an object for each entry's place was a twentieth of what it kept.
/// </summary>
public abstract record TestEntry
{
    private SourceText _source;
    private TextSpan _span;

    protected TestEntry(Location location) => (_source, _span) = (location.Source, location.Span);

    public Location Location { get => new(_source, _span); init => (_source, _span) = (value.Source, value.Span); }
}

public sealed record TestCaseValue(string Field, CaseValue Value, Location Location) : TestEntry(Location);

public sealed record TestAnswer(string Code, string Option, Location Location) : TestEntry(Location);

/// <summary>One <c>expect</c>: <see cref="Message"/> for a signal, <see cref="Option"/> for <c>== option</c>.</summary>
public sealed record TestExpectation(ExpectationKind Kind, QuestionSymbol? Item, string? Code, string? Message, Location Location, string? Option = null)
    : TestEntry(Location);
