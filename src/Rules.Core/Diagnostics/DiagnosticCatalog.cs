using System.Collections.Immutable;

namespace Rules.Core.Diagnostics;

/// <summary>
/// Every diagnostic the rules language reports: one descriptor and one factory method per id, so
/// that message wording lives in one place. Messages speak to standards authors: they name the item
/// at fault and, where possible, the fix.
/// </summary>
public static partial class DiagnosticCatalog
{
    private const DiagnosticSeverity E = DiagnosticSeverity.Error;
    private const DiagnosticSeverity W = DiagnosticSeverity.Warning;

    public static readonly DiagnosticDescriptor RL0001 = new("RL0001", E, "Syntax error");
    public static readonly DiagnosticDescriptor RL0002 = new("RL0002", E, "Unterminated string or comment");
    public static readonly DiagnosticDescriptor RL0003 = new("RL0003", E, "Resource limit reached");
    public static readonly DiagnosticDescriptor RL0101 = new("RL0101", E, "Duplicate declaration");
    public static readonly DiagnosticDescriptor RL0102 = new("RL0102", E, "Unknown key question or prompt");
    public static readonly DiagnosticDescriptor RL0103 = new("RL0103", E, "Unknown answer set or scale");
    public static readonly DiagnosticDescriptor RL0104 = new("RL0104", E, "Unknown case field");
    public static readonly DiagnosticDescriptor RL0105 = new("RL0105", E, "Unknown option");
    public static readonly DiagnosticDescriptor RL0106 = new("RL0106", E, "Type mismatch");
    public static readonly DiagnosticDescriptor RL0107 = new("RL0107", E, "Code does not belong to its parent");
    public static readonly DiagnosticDescriptor RL0108 = new("RL0108", E, "Import problem");
    public static readonly DiagnosticDescriptor RL0109 = new("RL0109", E, "Framework declared nowhere or more than once");
    public static readonly DiagnosticDescriptor RL0201 = new("RL0201", E, "Circular routing");
    public static readonly DiagnosticDescriptor RL0202 = new("RL0202", W, "Condition can never hold");
    public static readonly DiagnosticDescriptor RL0203 = new("RL0203", W, "Condition always holds");
    public static readonly DiagnosticDescriptor RL0204 = new("RL0204", E, "Answer set has no positive option", AlsoWarning: true);
    public static readonly DiagnosticDescriptor RL0301 = new("RL0301", E, "Invalid scale levels");
    public static readonly DiagnosticDescriptor RL0302 = new("RL0302", E, "Invalid overall bands");
    public static readonly DiagnosticDescriptor RL0303 = new("RL0303", E, "Invalid rating rule");
    public static readonly DiagnosticDescriptor RL0304 = new("RL0304", E, "Invalid breakdown groups");
    public static readonly DiagnosticDescriptor RL0401 = new("RL0401", W, "Unused answer set or scale");
    public static readonly DiagnosticDescriptor RL0402 = new("RL0402", W, "Empty text");
    public static readonly DiagnosticDescriptor RL0403 = new("RL0403", W, "Numbering out of order");
    public static readonly DiagnosticDescriptor RL0501 = new("RL0501", E, "Test expectation failed");

    public static readonly DiagnosticDescriptor RL1001 = new("RL1001", E, "Unreadable case record");
    public static readonly DiagnosticDescriptor RL1002 = new("RL1002", E, "Answer for an unknown code");
    public static readonly DiagnosticDescriptor RL1003 = new("RL1003", E, "Value not allowed");
    public static readonly DiagnosticDescriptor RL1004 = new("RL1004", E, "Missing answer");
    public static readonly DiagnosticDescriptor RL1005 = new("RL1005", E, "Check failed");
    public static readonly DiagnosticDescriptor RL1006 = new("RL1006", E, "Duplicate case id");
    public static readonly DiagnosticDescriptor RL1101 = new("RL1101", W, "Signal raised");
    public static readonly DiagnosticDescriptor RL1102 = new("RL1102", W, "Answer for an item that does not apply");
    public static readonly DiagnosticDescriptor RL1103 = new("RL1103", W, "Unknown case field in input");

    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
    [
        RL0001, RL0002, RL0003, RL0101, RL0102, RL0103, RL0104, RL0105, RL0106, RL0107, RL0108, RL0109,
        RL0201, RL0202, RL0203, RL0204, RL0301, RL0302, RL0303, RL0304, RL0401, RL0402, RL0403, RL0501,
        RL1001, RL1002, RL1003, RL1004, RL1005, RL1006, RL1101, RL1102, RL1103,
    ];

    public static DiagnosticDescriptor? Find(string id) => All.FirstOrDefault(d => d.Id == id);

    private static Diagnostic Make(DiagnosticDescriptor d, Location at, string message, string? suggestion = null, RelatedLocation? related = null) =>
        new(d, d.DefaultSeverity, message, at, suggestion, related);

    // ---- Syntax -------------------------------------------------------------------------------

    public static Diagnostic SyntaxError(Location at, string expected, string found, string? suggestion = null) =>
        Make(RL0001, at, $"Expected {expected} but found {found}.{(suggestion is null ? "" : $" Did you mean '{suggestion.Trim()}'?")}", suggestion);

    public static Diagnostic UnexpectedInput(Location at, string found, string context) =>
        Make(RL0001, at, $"Unexpected {(found.StartsWith("the ", StringComparison.Ordinal) ? found[4..] : found)} {context}.");

    /// <summary>A word where a keyword of the block was expected, close enough to one to be its misspelling.</summary>
    public static Diagnostic MisspeltKeyword(Location at, string found, string context, string keyword) =>
        Make(RL0001, at, $"Unexpected '{found}' {context}. Did you mean '{keyword}'?", keyword);

    public static Diagnostic HashComment(Location at) =>
        Make(RL0001, at, "'#' does not start a comment here; comments start with '//' (or are written between '/*' and '*/').", "//");

    public static Diagnostic Semicolon(Location at) =>
        Make(RL0001, at, "Lines do not end with ';' in rule files; remove it.", "");

    /// <summary>A character that cannot be seen (a zero-width space or soft hyphen pasted from a word processor, a control
    /// character): named by its code, since the message could not show it.</summary>
    public static Diagnostic InvisibleCharacter(Location at, string described) =>
        Make(RL0001, at, $"There is an invisible character here ({described}), probably pasted with the text; delete it.", "");

    /// <summary>'&&', '||' or '!' from other languages, where rule files write the word.</summary>
    public static Diagnostic ForeignOperator(Location at, string written, string keyword, string? fix = null) =>
        Make(RL0001, at, $"'{written}' is not an operator in rule files; write '{keyword}'.", fix ?? keyword);

    /// <summary>'x between 18 and 25' (as in other rule languages): <paramref name="rewritten"/> is the two comparisons.</summary>
    public static Diagnostic Between(Location at, string rewritten) =>
        Make(RL0001, at, $"There is no 'between' in rule files; compare twice: '{rewritten}'.", rewritten);

    /// <summary>A set written between square brackets; <paramref name="example"/> is the set as it should be written.</summary>
    public static Diagnostic SquareBrackets(Location at, string example) =>
        Make(RL0001, at, $"Sets are written between braces, such as {example}, not between '[' and ']'.");

    /// <summary>'good from 14%' in the overall bands, copied from a scale level: bands start at total scores.</summary>
    public static Diagnostic PercentInOverall(Location at) =>
        Make(RL0001, at, "Overall bands start at a total score, not a percentage; remove '%'.", "");

    /// <summary>A lone '=' (in a condition, usually): the language compares with '=='.</summary>
    public static Diagnostic SingleEquals(Location at) =>
        Make(RL0001, at, "'=' on its own is not an operator; to compare, write '==' (or '!=', '<=', '>=').", "==");

    // ---- rules.json (reported as RL0001: the settings file is written wrongly) --------------------

    public static Diagnostic SettingsNotJson(Location at, string problem) =>
        Make(RL0001, at, $"rules.json is not valid JSON: {problem}");

    public static Diagnostic SettingsNotAnObject(Location at, string what) =>
        Make(RL0001, at, $"{what} in rules.json must be an object, such as {{\"diagnostics\": {{\"RL0403\": \"off\"}}}}.");

    public static Diagnostic SettingsUnknownSetting(Location at, string name) =>
        Make(RL0001, at, $"rules.json has no setting \"{name}\"; the one setting is \"diagnostics\".",
            // The span is the quoted name, so a replacement keeps the quotes.
            Suggestions.Nearest(name, ["diagnostics"]) is not null ? "\"diagnostics\"" : null);

    public static Diagnostic SettingsUnknownId(Location at, string id) =>
        Find(id.ToUpperInvariant()) is { } meant
            // The span is the quoted name, so a replacement keeps the quotes.
            ? Make(RL0001, at, $"rules.json sets \"{id}\", which is not a diagnostic id; did you mean \"{meant.Id}\"? Ids are written in capitals.", $"\"{meant.Id}\"")
            : Make(RL0001, at, $"rules.json sets \"{id}\", which is not a diagnostic id; ids are written like RL0403 (see the table in docs/authoring.md).");

    public static Diagnostic SettingsBadSeverity(Location at, string id, string value) =>
        Make(RL0001, at, $"rules.json sets {id} to {value}; use \"error\", \"warning\", \"info\" or \"off\".{(
            value.Length > 2 && value[0] == '"' && Suggestions.Nearest(value.Trim('"'), Severities) is { } meant ? $" Did you mean \"{meant}\"?" : "")}");

    private static readonly string[] Severities = ["error", "warning", "info", "off"];

    public static Diagnostic SettingsCannotLowerError(Location at, string id, string value) =>
        Make(RL0001, at, $"rules.json sets {id} to \"{value}\", but {id} is an error and errors cannot be lowered; remove the setting.");

    public static Diagnostic CurlyQuotes(Location at, string straight) =>
        Make(RL0001, at, "Texts are written between straight quotes (\"), not curly ones (“ ”) as word processors write them; change the quotes.", straight);

    public static Diagnostic UnterminatedString(Location at) =>
        Make(RL0002, at, "This text has no closing quote (\"); add one at the end of the line.");

    public static Diagnostic UnterminatedMultiLineString(Location at) =>
        Make(RL0002, at, "This text has no closing triple quotes (\"\"\").");

    public static Diagnostic UnterminatedComment(Location at) =>
        Make(RL0002, at, "This comment has no closing '*/'.");

    public static Diagnostic FileTooLarge(Location at, long length, long limit) =>
        Make(RL0003, at, $"The file is too large to check ({length:N0} characters; the limit is {limit:N0}).");

    public static Diagnostic ConditionTooDeep(Location at, int limit) =>
        Make(RL0003, at, $"This condition is nested more than {limit} levels deep ('not', 'and', 'or' and brackets); simplify it.");

    public static Diagnostic NestingTooDeep(Location at, int limit) =>
        Make(RL0003, at, $"Brackets are nested more than {limit} levels deep here; simplify the condition.");

    // ---- Declarations and references --------------------------------------------------------

    /// <summary>"line 9": where another place is, for a message about the same file.</summary>
    private static string LineOf(Location place) => $"line {place.LineSpan.Start.Line + 1}";

    /// <summary>"answers.rules line 9": where another place is, in any file.</summary>
    private static string FileAndLineOf(Location place) => $"{System.IO.Path.GetFileName(place.Path)} {LineOf(place)}";

    public static Diagnostic Duplicate(Location at, string what, string name, Location first)
    {
        var where = first.Source == at.Source ? LineOf(first) : FileAndLineOf(first);
        return Make(RL0101, at, $"{what} '{name}' is declared more than once; the first is on {where}.",
            related: new RelatedLocation(first, $"The first declaration of {what.ToLowerInvariant()} '{name}'"));
    }

    public static Diagnostic DomainTitleMismatch(Location at, string number, string firstTitle, Location first) =>
        Make(RL0101, at, $"Domain {number} is already declared with the title \"{firstTitle}\" ({FileAndLineOf(first)}); a domain written in several files keeps one title.",
            related: new RelatedLocation(first, $"Domain {number} with the title \"{firstTitle}\""));

    public static Diagnostic UnknownReference(Location at, string code, string? suggestion) =>
        Make(RL0102, at, $"There is no key question or prompt {code}{Suggestions.DidYouMean(suggestion)}", suggestion);

    /// <summary>RL0102 for a prompt code whose key question exists: what the key question has, rather than a near code of another.</summary>
    public static Diagnostic UnknownPrompt(Location at, string keyQuestion, string letter, IReadOnlyList<string> letters) =>
        Make(RL0102, at, $"There is no prompt {keyQuestion}.{letter}; key question {keyQuestion} has " +
            (letters.Count == 0 ? "no prompts." : $"{(letters.Count == 1 ? "prompt" : "prompts")} {Listed(letters)}."));

    /// <summary>RL0102 for a key question code whose standard exists: the standard's key questions.</summary>
    public static Diagnostic UnknownKeyQuestion(Location at, string standard, string code, IReadOnlyList<string> codes) =>
        Make(RL0102, at, $"There is no key question {code}; standard {standard} has " +
            (codes.Count == 0 ? "no key questions." : $"{(codes.Count == 1 ? "key question" : "key questions")} {Listed(codes)}."));

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string Listed(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    public static Diagnostic UnknownAnswerSet(Location at, string name, IReadOnlyList<string> answerSets)
    {
        var suggestion = Suggestions.Nearest(name, answerSets);
        return Make(RL0103, at, $"There is no answer set called '{name}'{NearestOrListed(suggestion, answerSets, "the answer set is", "the answer sets are")}", suggestion);
    }

    public static Diagnostic UnknownScale(Location at, string name, IReadOnlyList<string> scales)
    {
        var suggestion = Suggestions.Nearest(name, scales);
        return Make(RL0103, at, $"There is no scale called '{name}'{NearestOrListed(suggestion, scales, "the scale is", "the scales are")}", suggestion);
    }

    public static Diagnostic UnknownCaseField(Location at, string name, IReadOnlyList<string> fields)
    {
        var suggestion = Suggestions.Nearest(name, fields);
        return Make(RL0104, at, $"The case has no field '{name}'{NearestOrListed(suggestion, fields, "its field is", "its fields are")}", suggestion);
    }

    /// <summary>RL0105: the nearest option when there is one, else the options themselves when they are few enough to list.</summary>
    public static Diagnostic UnknownOption(Location at, string owner, string option, IReadOnlyList<string> options)
    {
        var suggestion = Suggestions.Nearest(option, options);
        return Make(RL0105, at, $"{owner} has no option '{option}'{NearestOrListed(suggestion, options, "its option is", "its options are")}", suggestion);
    }

    /// <summary>RL0105 for <c>any(2.4.1.* == x)</c> where no prompt of the key question has option x.</summary>
    public static Diagnostic NoPromptHasOption(Location at, string keyQuestion, string option, IReadOnlyList<string> options)
    {
        var suggestion = Suggestions.Nearest(option, options);
        return Make(RL0105, at, $"No prompt of key question {keyQuestion} has an option '{option}'{NearestOrListed(suggestion, options, "their option is", "their options are")}", suggestion);
    }

    // A list longer than this reads as noise in a one-line message.
    private const int MaxNamesListed = 8;

    /// <summary>"; did you mean 'x'?" for a near name; else "; its options are a, b and c." when there are few; else ".".</summary>
    private static string NearestOrListed(string? suggestion, IReadOnlyList<string> names, string one, string many) =>
        suggestion is not null || names.Count is 0 or > MaxNamesListed
            ? Suggestions.DidYouMean(suggestion)
            : $"; {(names.Count == 1 ? one : many)} {Listed(names)}.";

    public static Diagnostic UnknownLevel(Location at, string scale, string level, IReadOnlyList<string> levels)
    {
        var suggestion = Suggestions.Nearest(level, levels);
        return Make(RL0105, at, $"Scale '{scale}' has no level '{level}'{NearestOrListed(suggestion, levels, "its level is", "its levels are")}", suggestion);
    }

    public static Diagnostic TypeMismatch(Location at, string message) => Make(RL0106, at, message);

    /// <summary>An option written in quotes (<c>case.rosh == "high"</c>): the quoted text names an option, so say how to write it.</summary>
    public static Diagnostic QuotedOption(Location at, string left, string op, string option) =>
        Make(RL0106, at, $"Options are written without quotes: '{left} {op} {option}', not '\"{option}\"'.", option);

    public static Diagnostic CodeNotInParent(Location at, string what, string code, string parentWhat, string parentCode) =>
        Make(RL0107, at, $"{what} {code} does not belong inside {parentWhat} {parentCode}; its code must start with {parentCode}.");

    public static Diagnostic InvalidCode(Location at, string what, string code, string rule) =>
        Make(RL0107, at, $"{what} code '{code}' is not valid: {rule}.");

    public static Diagnostic ImportNotFound(Location at, string path) =>
        Make(RL0108, at, $"The imported file '{path}' does not exist. {WhileLost("Until it is found")}");

    // Said with each import that brings nothing in: the uses of what it would declare are not reported meanwhile.
    private static string WhileLost(string until) =>
        $"{until}, the answer sets, scales and case fields it may declare are not reported as unknown.";

    public static Diagnostic ImportOutsideRoot(Location at, string path) =>
        Make(RL0108, at, $"The import '{path}' points outside the workspace; imports must stay inside the folder that holds rules.json or .git. {WhileLost("Until it does")}");

    public static Diagnostic ImportCycle(Location at, string path) =>
        Make(RL0108, at, $"Imports go round in a circle: {path}.");

    /// <summary>RL0108 at the import that brings in a library file with errors (its own check reports them there).</summary>
    public static Diagnostic ImportHasErrors(Location at, string file, string? through, int count, Diagnostic first) =>
        Make(RL0108, at,
            $"{(through is null ? $"The imported file '{file}'" : $"'{file}', imported through '{through}',")} has " +
            $"{(count == 1 ? "an error; fix it" : $"{count} errors; fix them")} there first " +
            $"({LineOf(first.Location)}: {first.Message})",
            related: new RelatedLocation(first.Location, first.Message));

    public static Diagnostic ImportOfFramework(Location at, string path) =>
        Make(RL0108, at, $"'{path}' belongs to a framework; only library files (answer sets, scales, case fields) can be imported. {WhileLost("Until the import is removed")}");

    public static Diagnostic NoFramework(Location at, string folder) =>
        Make(RL0109, at, $"The rule files in '{folder}' hold domains, standards or tests but no framework declaration; add 'framework \"Name\" {{ ... }}'.");

    public static Diagnostic DuplicateFramework(Location at, Location first) =>
        Make(RL0109, at, $"A framework is declared more than once; the first is in {FileAndLineOf(first)}.",
            related: new RelatedLocation(first, "The first framework declaration"));

    // ---- Routing -------------------------------------------------------------------------------

    /// <summary>RL0201; <paramref name="next"/> is the next step of the circle, for editors to link to.</summary>
    public static Diagnostic RoutingCycle(Location at, string path, RelatedLocation? next = null) =>
        Make(RL0201, at, $"Routing goes round in a circle: {path}. An item cannot depend on its own answer.", related: next);

    /// <summary>RL0202; <paramref name="enclosing"/> is the enclosing condition it contradicts, when that is the reason.</summary>
    public static Diagnostic NeverHolds(Location at, string item, string reason, RelatedLocation? enclosing = null) =>
        Make(RL0202, at, $"{item} can never apply: {reason}.", related: enclosing);

    public static Diagnostic CheckNeverHolds(Location at, string what, string reason, RelatedLocation? enclosing = null) =>
        Make(RL0202, at, $"This {what} can never hold: {reason}.", related: enclosing);

    /// <summary>RL0203; <paramref name="enclosing"/> is the enclosing condition that makes it hold, when that is the reason.</summary>
    public static Diagnostic AlwaysHolds(Location at, string item, string reason, RelatedLocation? enclosing = null) =>
        Make(RL0203, at, $"The condition of {item} always holds{reason}; remove it or correct it.", related: enclosing);

    public static Diagnostic NoPositiveOption(Location at, string item, string set, bool isKeyQuestion) =>
        new(RL0204, isKeyQuestion ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
            $"{item} uses answer set '{set}', which has no positive option, so it can never be judged positively; mark one option 'positive'.",
            at);

    // ---- Ratings -------------------------------------------------------------------------------

    public static Diagnostic ScaleInvalid(Location at, string message, RelatedLocation? related = null) => Make(RL0301, at, message, related: related);

    public static Diagnostic OverallInvalid(Location at, string message, RelatedLocation? related = null) => Make(RL0302, at, message, related: related);

    public static Diagnostic RatingRuleInvalid(Location at, string message) => Make(RL0303, at, message);

    public static Diagnostic BreakdownInvalid(Location at, string message) => Make(RL0304, at, message);

    // ---- Style ---------------------------------------------------------------------------------

    public static Diagnostic Unused(Location at, string what, string name) =>
        Make(RL0401, at, $"{what} '{name}' is not used by anything; remove it or use it.");

    public static Diagnostic EmptyText(Location at, string what) =>
        Make(RL0402, at, $"The text of {what} is empty.");

    public static Diagnostic Numbering(Location at, string message) => Make(RL0403, at, message);

    // ---- Tests ---------------------------------------------------------------------------------

    public static Diagnostic TestFailed(Location at, string test, string expected, string actual) =>
        Make(RL0501, at, $"Test \"{test}\": expected {expected}, but {actual}.");
}
