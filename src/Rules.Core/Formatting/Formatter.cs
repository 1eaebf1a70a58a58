using System.Text;
using Rules.Core.Syntax;

namespace Rules.Core.Formatting;

/// <summary>
/// Prints a syntax tree in the canonical layout: two spaces per block level, one member per line,
/// a <c>when</c> clause on the line after its item two spaces deeper, at most one blank line between
/// members, names and labels aligned in columns in scales, case fields, answer sets, overall bands
/// and breakdowns, and every comment kept. Long text is never broken. Files with syntax errors are
/// not formatted (their skipped text could not be placed safely).
/// </summary>
public sealed class Formatter
{
    private const int MaxOneLineTestBlock = 100;

    private readonly StringBuilder _out = new();
    private readonly List<string> _pendingLineComments = new();
    private readonly HashSet<SyntaxToken> _leadingDone = new();
    private int _indent;
    private bool _atLineStart = true;
    private bool _lastLineBlank = true;

    private Formatter() { }

    /// <summary>The formatted text, or null when the tree has syntax errors.</summary>
    public static string? Format(SyntaxTree tree)
    {
        if (tree.Diagnostics.Any(d => d.IsError)) return null;
        var formatter = new Formatter();
        formatter.FormatUnit(tree.Root);
        return formatter._out.ToString();
    }

    // ---- Writer -------------------------------------------------------------------------------

    private void WriteIndent()
    {
        if (!_atLineStart) return;
        _out.Append(' ', _indent * 2);
        _atLineStart = false;
    }

    private void Raw(string text)
    {
        WriteIndent();
        _out.Append(text);
        _lastLineBlank = false;
    }

    private void NewLine()
    {
        if (_pendingLineComments.Count > 0)
        {
            if (!_atLineStart) _out.Append(' ');
            else WriteIndent();
            _out.Append(string.Join(" ", _pendingLineComments));
            _pendingLineComments.Clear();
            _atLineStart = false;
        }
        if (_atLineStart && _lastLineBlank) return;
        TrimTrailingSpaces();
        _lastLineBlank = _atLineStart;
        _out.Append('\n');
        _atLineStart = true;
    }

    private void EnsureLineStart()
    {
        if (!_atLineStart || _pendingLineComments.Count > 0) NewLine();
    }

    private void BlankLine()
    {
        EnsureLineStart();
        if (!_lastLineBlank)
        {
            _out.Append('\n');
            _lastLineBlank = true;
        }
    }

    private int CurrentColumn()
    {
        var i = _out.Length - 1;
        while (i >= 0 && _out[i] != '\n') i--;
        return _out.Length - i - 1;
    }

    private void TrimTrailingSpaces()
    {
        var end = _out.Length;
        while (end > 0 && _out[end - 1] == ' ') end--;
        _out.Length = end;
    }

    /// <summary>Own-line comments before a token (its leading trivia), with at most one blank line kept.
    /// The previous token's trailing trivia holds its line break, so one line break here before the
    /// first comment (or two after a comment) is a blank line.</summary>
    private void LeadingComments(SyntaxToken token, bool allowBlankLine)
    {
        if (!_leadingDone.Add(token)) return;
        var newlines = 0;
        var afterComment = false;
        foreach (var trivia in token.LeadingTrivia)
        {
            if (trivia.Kind == SyntaxKind.EndOfLineTrivia) { newlines++; continue; }
            if (!trivia.Kind.IsComment()) continue;
            if (newlines >= (afterComment ? 2 : 1) && allowBlankLine) BlankLine();
            EnsureLineStart();
            Raw(trivia.Text.TrimEnd());
            NewLine();
            newlines = 0;
            afterComment = true;
            allowBlankLine = true;
        }
        if (newlines >= (afterComment ? 2 : 1) && allowBlankLine) BlankLine();
    }

    /// <summary>Comments after a token on its line: line comments go to the end of the output line.</summary>
    private void TrailingComments(SyntaxToken token)
    {
        foreach (var trivia in token.TrailingTrivia)
        {
            if (trivia.Kind == SyntaxKind.LineCommentTrivia) _pendingLineComments.Add(trivia.Text.TrimEnd());
            else if (trivia.Kind == SyntaxKind.BlockCommentTrivia) Raw(" " + trivia.Text);
        }
    }

    private void Token(SyntaxToken? token, bool spaceBefore)
    {
        if (token is not { IsMissing: false } t) return;
        if (!_atLineStart) LeadingCommentsInline(t);
        else LeadingComments(t, allowBlankLine: false);
        if (spaceBefore && !_atLineStart) Raw(" ");
        Raw(t.Text);
        TrailingComments(t);
    }

    /// <summary>A comment line inside a member written on one line moves to the end of that line.</summary>
    private void LeadingCommentsInline(SyntaxToken token)
    {
        if (!_leadingDone.Add(token)) return;
        foreach (var trivia in token.LeadingTrivia)
        {
            if (trivia.Kind == SyntaxKind.LineCommentTrivia) _pendingLineComments.Add(trivia.Text.TrimEnd());
            else if (trivia.Kind == SyntaxKind.BlockCommentTrivia) Raw(" " + trivia.Text);
        }
    }

    /// <summary>Writes tokens on the current line with the language's spacing.</summary>
    private void Tokens(IEnumerable<SyntaxToken> tokens, bool spaceBeforeFirst = false)
    {
        SyntaxToken? previous = null;
        foreach (var token in tokens)
        {
            if (token.IsMissing) continue;
            var space = previous is not { } before ? spaceBeforeFirst : NeedsSpace(before, token);
            Token(token, space);
            previous = token;
        }
    }

    private static bool NeedsSpace(SyntaxToken previous, SyntaxToken current)
    {
        if (current.Kind is SyntaxKind.CommaToken or SyntaxKind.CloseParenToken or SyntaxKind.PercentToken or SyntaxKind.DotToken) return false;
        if (previous.Kind is SyntaxKind.OpenParenToken or SyntaxKind.DotToken) return false;
        if (current.Kind == SyntaxKind.OpenParenToken && previous.Parent is AggregateExpressionSyntax) return false;
        if (previous.Kind == SyntaxKind.OpenBraceToken && previous.Parent is SetExpressionSyntax) return false;
        if (current.Kind == SyntaxKind.CloseBraceToken && current.Parent is SetExpressionSyntax) return false;
        if (current.Kind == SyntaxKind.ColonToken && current.Parent is TestCaseEntrySyntax or TestAnswerEntrySyntax) return false;
        return true;
    }

    // ---- Layout -------------------------------------------------------------------------------

    private void FormatUnit(CompilationUnitSyntax unit)
    {
        var first = true;
        foreach (var declaration in unit.Declarations)
        {
            Member(declaration, allowBlankLine: !first);
            first = false;
        }
        LeadingComments(unit.EndOfFile, allowBlankLine: !first);
        EnsureLineStart();
        var text = _out.ToString().TrimEnd('\n');
        _out.Clear().Append(text).Append('\n');
        if (text.Length == 0) _out.Clear();
    }

    private void Member(DeclarationSyntax member, bool allowBlankLine)
    {
        EnsureLineStart();
        var first = member.FirstToken();
        if (first is { } firstToken) LeadingComments(firstToken, allowBlankLine);
        switch (member)
        {
            case FrameworkDeclarationSyntax f: Header([f.Keyword, f.Name], null, f.Body, Alignment.None); break;
            case ScaleDeclarationSyntax s: Header([s.Keyword, s.Name], null, s.Body, Alignment.Scale); break;
            case CaseDeclarationSyntax c: Header([c.Keyword], null, c.Body, Alignment.Case); break;
            case AnswerSetDeclarationSyntax a: Header([a.Keyword, a.Name], null, a.Body, Alignment.Answers); break;
            case OverallBlockSyntax o: Header([o.Keyword], null, o.Body, Alignment.Overall); break;
            case DomainDeclarationSyntax d: Header([d.Keyword, d.Number, d.Title], null, d.Body, Alignment.None); break;
            case StandardDeclarationSyntax s: Header([s.Keyword, s.Code, s.Title], s.When, s.Body, Alignment.None); break;
            case KeyQuestionDeclarationSyntax k: Header([k.Keyword, k.Code, k.Text, k.Colon, k.AnswerSet], k.When, k.Body, Alignment.None); break;
            case PromptDeclarationSyntax p: Header([p.Keyword, p.Letter, p.Text, p.Colon, p.AnswerSet], p.When, p.Body, Alignment.None); break;
            case BreakdownDeclarationSyntax b:
                Header([b.Keyword, b.Name, b.Title, b.ByKeyword, b.CaseKeyword, b.Dot, b.Field], null, b.Body, Alignment.Breakdown);
                break;
            case TestDeclarationSyntax t: Header([t.Keyword, t.Name], null, t.Body, Alignment.None); break;
            case TestCaseBlockSyntax c: TestBlock(c.Keyword, c.Body); break;
            case TestAnswersBlockSyntax a: TestBlock(a.Keyword, a.Body); break;
            case CheckDeclarationSyntax c: Header([c.Keyword, c.Message], c.When, null, Alignment.None); break;
            default: Tokens(member.Tokens()); break;
        }
        NewLine();
    }

    private void Header(SyntaxToken[] header, WhenClauseSyntax? when, BlockSyntax? body, Alignment alignment)
    {
        Tokens(header);
        if (when is not null)
        {
            NewLine();
            _indent++;
            Tokens(when.Tokens());
            _indent--;
        }
        if (body is null) return;
        if (when is not null)
        {
            NewLine();
            Token(body.OpenBrace, spaceBefore: false);
        }
        else
        {
            Token(body.OpenBrace, spaceBefore: true);
        }
        NewLine();
        _indent++;
        if (alignment == Alignment.None)
        {
            var first = true;
            foreach (var m in body.Members)
            {
                Member(m, allowBlankLine: !first);
                first = false;
            }
        }
        else
        {
            AlignedMembers(body.Members, alignment);
        }
        LeadingComments(body.CloseBrace, allowBlankLine: body.Members.Length > 0);
        _indent--;
        EnsureLineStart();
        Token(body.CloseBrace, spaceBefore: false);
    }

    private enum Alignment
    {
        None,
        Scale,
        Case,
        Answers,
        Overall,
        Breakdown,
    }

    private void AlignedMembers(IReadOnlyList<DeclarationSyntax> members, Alignment alignment)
    {
        var rows = members.Select(m => Cells(m, alignment)).ToList();
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r?.Count ?? 0);
        var widths = new int[columns];
        foreach (var row in rows.OfType<List<List<SyntaxToken>>>())
            for (var c = 0; c < row.Count - 1; c++)
                widths[c] = Math.Max(widths[c], CellText(row[c]).Length);

        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var row = rows[i];
            EnsureLineStart();
            LeadingComments(member.FirstToken()!.Value, allowBlankLine: i > 0);
            if (row is null)
            {
                Tokens(member.Tokens());
                NewLine();
                continue;
            }
            var target = _indent * 2;
            for (var c = 0; c < row.Count; c++)
            {
                var cell = row[c];
                if (c > 0) target += widths[c - 1] + 1;
                if (cell.Count == 0) continue;
                if (c > 0)
                {
                    // Pad to the column, leaving the one space the next token brings itself.
                    var pad = target - 1 - CurrentColumn();
                    if (pad > 0) _out.Append(' ', pad);
                }
                Tokens(cell, spaceBeforeFirst: c > 0);
            }
            NewLine();
        }
    }

    private static string CellText(List<SyntaxToken> cell)
    {
        var builder = new StringBuilder();
        SyntaxToken? previous = null;
        foreach (var t in cell.Where(t => !t.IsMissing))
        {
            if (previous is { } before && NeedsSpace(before, t)) builder.Append(' ');
            builder.Append(t.Text);
            previous = t;
        }
        return builder.ToString();
    }

    /// <summary>The columns of a row in an aligned block; null for members that are not rows.</summary>
    private static List<List<SyntaxToken>>? Cells(DeclarationSyntax member, Alignment alignment) => (alignment, member) switch
    {
        (Alignment.Scale, ScaleLevelSyntax l) => [[l.Name], [l.Label], [l.ScoreKeyword, l.Score, l.FromKeyword, l.Bound, l.Percent]],
        (Alignment.Case, CaseFieldSyntax f) => [[f.Name], [f.Label], [f.Colon, .. f.Type.Tokens()]],
        (Alignment.Answers, AnswerOptionSyntax o) => [[o.Name], o.Outcome is not { } outcome ? [o.Label] : [o.Label, outcome]],
        (Alignment.Overall, OverallBandSyntax b) => [[b.Level], [b.FromKeyword, b.Bound]],
        (Alignment.Breakdown, BreakdownGroupSyntax g) => [[g.Label], [g.Colon, .. g.Spec.Tokens()]],
        _ => null,
    };

    /// <summary>A test's case or answers: on one line when it was written so and fits, else one entry per line.</summary>
    private void TestBlock(SyntaxToken keyword, BlockSyntax body)
    {
        Token(keyword, spaceBefore: false);
        var entries = body.Members;
        var hasComments = body.Tokens().Skip(1).Any(t => t.LeadingTrivia.Any(x => x.Kind.IsComment()))
                          || body.Tokens().Any(t => t != body.CloseBrace && t.TrailingTrivia.Any(x => x.Kind.IsComment()));
        var oneLine = !hasComments && !body.OpenBrace.TrailingTrivia.Any(t => t.Kind == SyntaxKind.EndOfLineTrivia)
                      && (entries.Length == 0 || !entries[^1].LastToken()!.Value.TrailingTrivia.Any(t => t.Kind == SyntaxKind.EndOfLineTrivia));
        var parts = entries.Select(e => CellText([.. EntryTokens(e)])).ToList();
        var line = "{ " + string.Join(", ", parts) + " }";
        if (oneLine && _indent * 2 + keyword.Text.Length + 1 + line.Length <= MaxOneLineTestBlock)
        {
            Token(body.OpenBrace, spaceBefore: true);
            for (var i = 0; i < entries.Length; i++)
            {
                Tokens(EntryTokens(entries[i]), spaceBeforeFirst: true);
                if (i < entries.Length - 1) Raw(",");
            }
            Token(body.CloseBrace, spaceBefore: true);
            return;
        }
        Token(body.OpenBrace, spaceBefore: true);
        NewLine();
        _indent++;
        foreach (var entry in entries)
        {
            EnsureLineStart();
            LeadingComments(entry.FirstToken()!.Value, allowBlankLine: false);
            Tokens(EntryTokens(entry));
            NewLine();
        }
        LeadingComments(body.CloseBrace, allowBlankLine: false);
        _indent--;
        EnsureLineStart();
        Token(body.CloseBrace, spaceBefore: false);
    }

    /// <summary>An entry's tokens without its separating comma (the layout decides separators),
    /// though a comment on the comma is kept.</summary>
    private IEnumerable<SyntaxToken> EntryTokens(DeclarationSyntax entry)
    {
        var comma = entry switch
        {
            TestCaseEntrySyntax c => c.Comma,
            TestAnswerEntrySyntax a => a.Comma,
            _ => null,
        };
        if (comma is { } found)
            foreach (var trivia in found.LeadingTrivia.Concat(found.TrailingTrivia).Where(t => t.Kind.IsComment()))
                _pendingLineComments.Add(trivia.Text.Trim());
        return entry.Tokens().Where(t => t != comma);
    }
}
