using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Syntax;
using Rules.Core.Text;
using Sprache;

namespace Rules.Core.Parsing;

/// <summary>
/// Drives the Sprache grammar over one file with error recovery. Sprache stops at the first
/// failure, so the parser runs it one declaration or member at a time: when one fails, the error is
/// recorded, the tokens up to the next member or declaration boundary are kept in a skipped-tokens
/// node, and parsing goes on. Blocks whose closing brace is missing are closed implicitly when a
/// line starts with a member of an enclosing block.
/// </summary>
internal sealed class Parser
{
    public const int MaxFileLength = 16 * 1024 * 1024;

    private readonly SourceText _source;
    private readonly List<Diagnostic> _diagnostics;

    // Where a word was reported as unexpected in its block without a suggestion: position -> index in _diagnostics.
    // (Made on the first skip: a file without syntax errors has none.)
    private Dictionary<int, int>? _plainSkipReports;
    private readonly TokenStream _stream;
    private readonly List<BlockContext> _enclosing = new();
    private int _index;

    private Parser(SourceText source, TokenStream stream, List<Diagnostic> diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
        _stream = stream;
    }

    /// <summary>Parses a file; <paramref name="buffers"/>, when given, lends what earlier parses made and can be reused.</summary>
    public static SyntaxTree Parse(SourceText source, ParseBuffers? buffers = null)
    {
        var diagnostics = new List<Diagnostic>();
        if (source.Length > MaxFileLength)
        {
            diagnostics.Add(DiagnosticCatalog.FileTooLarge(new Location(source, new TextSpan(0, 0)), source.Length, MaxFileLength));
            var builder = new TokenTable.Builder(source.Text, 2);
            builder.Add(SyntaxKind.BadToken, 0, source.Length, -1, 0, source.Length, startsLine: true);
            builder.Add(SyntaxKind.EndOfFileToken, source.Length, 0, -1, source.Length, source.Length, startsLine: false);
            var table = builder.ToTable();
            var (whole, eof) = (table[0], table[1]);
            var unit = new CompilationUnitSyntax([new SkippedTokensSyntax([whole])], eof);
            return new SyntaxTree(source, unit, [.. diagnostics]);
        }

        var textIds = buffers?.RentTextIds();
        var lexer = new Lexer(source, diagnostics, textIds);
        var tokens = lexer.Lex();
        if (textIds is not null) buffers!.Return(textIds);
        var stream = buffers?.Rent(tokens) ?? new TokenStream(tokens);
        CompilationUnitSyntax root;
        try
        {
            var parser = new Parser(source, stream, diagnostics);
            root = parser.ParseCompilationUnit();
            parser.ReportMisspeltKeywords();
            parser.ReportMissingTokens(root);
            parser.ReportDeepNesting();
        }
        finally
        {
            buffers?.Return(stream);
        }
        diagnostics.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
        return new SyntaxTree(source, root, [.. diagnostics]) { MayHaveTextWithoutWords = lexer.SawTextWithoutWords };
    }

    /// <summary>RL0003 at the first bracket nested too deep, when recovery swallowed the grammar's own report.</summary>
    private void ReportDeepNesting()
    {
        if (_diagnostics.Any(d => d.Descriptor == DiagnosticCatalog.RL0003)) return;
        var index = _stream.FirstTooDeep();
        if (index >= 0) _diagnostics.Add(DiagnosticCatalog.NestingTooDeep(LocationOf(_stream.Tokens[index]), TokenStream.MaxNesting));
    }

    private SyntaxToken Current => _stream.Tokens[_index];

    private SyntaxToken PeekToken(int offset) => _stream.Tokens[Math.Min(_index + offset, _stream.Tokens.Count - 1)];

    private SyntaxToken Next()
    {
        var token = Current;
        if (token.Kind != SyntaxKind.EndOfFileToken) _index++;
        return token;
    }

    private CompilationUnitSyntax ParseCompilationUnit()
    {
        var declarations = ImmutableArray.CreateBuilder<DeclarationSyntax>();
        while (Current.Kind != SyntaxKind.EndOfFileToken)
        {
            if (StartsMember(BlockContext.TopLevel, _index))
            {
                declarations.Add(ParseMember(BlockContext.TopLevel));
            }
            else
            {
                declarations.Add(TryMisspeltMember(BlockContext.TopLevel) ?? SkipUnexpected(BlockContext.TopLevel));
            }
        }
        return new CompilationUnitSyntax(declarations.ToImmutable(), Current);
    }

    // ---- Member recognition -------------------------------------------------------------------

    private bool StartsMember(BlockContext context, int index)
    {
        var token = _stream.Tokens[index];
        var next = _stream.Tokens[Math.Min(index + 1, _stream.Tokens.Count - 1)];
        var word = token.Kind == SyntaxKind.IdentifierToken ? _stream.TakenAs(token.Position) ?? token.Text : null;
        return context switch
        {
            BlockContext.TopLevel => word switch
            {
                "import" or "framework" or "domain" or "breakdown" or "test" or "check" or "signal" => true,
                "scale" or "answers" => next.Kind is SyntaxKind.IdentifierToken or SyntaxKind.OpenBraceToken,
                "case" => next.Kind == SyntaxKind.OpenBraceToken,
                _ => false,
            },
            BlockContext.Framework => word is "version" or "scale" or "overall",
            BlockContext.Domain => word is "standard" or "summary" or "guidance" or "check" or "signal",
            BlockContext.Standard => word is "summary" or "rated" or "guidance" or "key_question" or "check" or "signal"
                                     || (word == "not" && next.IsKeyword("rated")),
            BlockContext.KeyQuestion => word is "prompt" or "guidance" or "check" or "signal",
            BlockContext.Prompt => word is "guidance" or "check" or "signal",
            BlockContext.Test => word is "expect" || (word is "case" or "answers" && next.Kind == SyntaxKind.OpenBraceToken),
            BlockContext.Overall or BlockContext.Scale or BlockContext.Case or BlockContext.Answers =>
                word is not null && !LooksLikeTopLevel(index),
            BlockContext.TestCase => word is not null && !LooksLikeTopLevel(index) && !LooksLikeTestPart(index),
            BlockContext.Breakdown => token.Kind == SyntaxKind.StringToken,
            BlockContext.TestAnswers => token.Kind == SyntaxKind.CodeToken || (token.Kind == SyntaxKind.StringToken && next.Kind == SyntaxKind.ColonToken),
            _ => false,
        };
    }

    /// <summary>In blocks whose members start with a name, a line that reads like a top-level
    /// declaration means the block's closing brace was forgotten. Keywords are contextual (an option may be called
    /// signal), so only the declaration's own shape counts: a member written the same way must stay a member,
    /// wherever its line starts (the formatter puts every member on a line of its own).</summary>
    private bool LooksLikeTopLevel(int index)
    {
        var token = _stream.Tokens[index];
        if (!token.StartsLine) return false;
        var next = _stream.Tokens[Math.Min(index + 1, _stream.Tokens.Count - 1)];
        var after = _stream.Tokens[Math.Min(index + 2, _stream.Tokens.Count - 1)];
        return token.Text switch
        {
            // import "x" reads exactly as an option without an outcome: never taken for the declaration here.
            "framework" or "test" => next.Kind == SyntaxKind.StringToken && after.Kind == SyntaxKind.OpenBraceToken,
            "check" or "signal" => next.Kind == SyntaxKind.StringToken && after.IsKeyword("when"),
            "domain" => next.Kind is SyntaxKind.NumberToken or SyntaxKind.CodeToken,
            "breakdown" => next.Kind == SyntaxKind.IdentifierToken && after.Kind == SyntaxKind.StringToken,
            "scale" or "answers" => next.Kind == SyntaxKind.IdentifierToken && after.Kind == SyntaxKind.OpenBraceToken,
            "case" => next.Kind == SyntaxKind.OpenBraceToken,
            _ => false,
        };
    }

    /// <summary>A top-level declaration that cannot be a member of any block: its keyword and shape (not 'check',
    /// 'signal' or 'case', which blocks hold too).</summary>
    private bool StartsDeclarationOnly(int index) =>
        _stream.Tokens[index].Text is "framework" or "test" or "domain" or "breakdown" or "scale" or "answers" && LooksLikeTopLevel(index);

    /// <summary>In a test's case, a line that reads like the test's next part ('answers {', 'expect 2.4.1 positive') means the
    /// case's closing brace was forgotten. A field called 'expect' or 'answers' is still a field: it is followed by ':'.</summary>
    private bool LooksLikeTestPart(int index)
    {
        var token = _stream.Tokens[index];
        return token.StartsLine && Array.IndexOf(TestKeywords, token.Text) >= 0
            && ShapedLike(BlockContext.Test, token.Text, _stream.Tokens[Math.Min(index + 1, _stream.Tokens.Count - 1)]);
    }

    private SyntaxKind PeekKind(int index) => _stream.Tokens[Math.Min(index, _stream.Tokens.Count - 1)].Kind;

    private static string Describe(BlockContext context) => context switch
    {
        BlockContext.TopLevel => "at the top level of the file; expected a declaration (import, framework, scale, case, answers, domain, breakdown, test, check or signal)",
        BlockContext.Framework => "in the framework; expected version, scale or overall",
        BlockContext.Overall => "in the overall bands; expected a band such as 'good from 14'",
        BlockContext.Scale => "in the scale; expected a level such as 'good \"Good\" score 2 from 65%'",
        BlockContext.Case => "in the case fields; expected a field such as 'age \"Age\" : number'",
        BlockContext.Answers => "in the answer set; expected an option such as 'yes \"Yes\" positive'",
        BlockContext.Domain => "in the domain; expected standard, summary, guidance, check or signal",
        BlockContext.Standard => "in the standard; expected summary, rated by, key_question, guidance, check or signal",
        BlockContext.KeyQuestion => "in the key question; expected prompt, guidance, check or signal",
        BlockContext.Prompt => "in the prompt; expected guidance, check or signal",
        BlockContext.Breakdown => "in the breakdown; expected a group such as '\"Low\" : low'",
        BlockContext.Test => "in the test; expected case, answers or expect",
        BlockContext.TestCase => "in the test's case; expected a field and its value such as 'age: 34'",
        BlockContext.TestAnswers => "in the test's answers; expected a code and an option such as '2.4.1: yes'",
        _ => "here",
    };

    // ---- Members --------------------------------------------------------------------------------

    private DeclarationSyntax ParseMember(BlockContext context)
    {
        var start = _index;
        var token = Current;
        var word = KeywordMeant(token);
        var member = context switch
        {
            BlockContext.TopLevel => word switch
            {
                "import" => Run(Grammar.Import),
                "framework" => RunHeader(Grammar.FrameworkHeader, h => new FrameworkDeclarationSyntax(h.Keyword, h.Name, ParseBlock(BlockContext.Framework))),
                "scale" => RunHeader(Grammar.ScaleHeader, h => new ScaleDeclarationSyntax(h.Keyword, h.Name, ParseBlock(BlockContext.Scale))),
                "case" => new CaseDeclarationSyntax(Next(), ParseBlock(BlockContext.Case)),
                "answers" => RunHeader(Grammar.AnswersHeader, h => new AnswerSetDeclarationSyntax(h.Keyword, h.Name, ParseBlock(BlockContext.Answers))),
                "domain" => RunHeader(Grammar.DomainHeader, h => new DomainDeclarationSyntax(h.Keyword, h.Number, h.Title, ParseBlock(BlockContext.Domain))),
                "breakdown" => RunHeader(Grammar.BreakdownHeader, h => new BreakdownDeclarationSyntax(h.Keyword, h.Name, h.Title, h.By, h.Case, h.Dot, h.Field, ParseBlock(BlockContext.Breakdown))),
                "test" => RunHeader(Grammar.TestHeader, h => new TestDeclarationSyntax(h.Keyword, h.Name, ParseBlock(BlockContext.Test))),
                _ => Run(Grammar.Check),
            },
            BlockContext.Framework => word switch
            {
                "version" => Run(Grammar.Version),
                "scale" => Run(Grammar.ScaleClause),
                _ => new OverallBlockSyntax(Next(), ParseBlock(BlockContext.Overall)),
            },
            BlockContext.Overall => Run(Grammar.OverallBand),
            BlockContext.Scale => Run(Grammar.ScaleLevel),
            BlockContext.Case => Run(Grammar.CaseField),
            BlockContext.Answers => Run(Grammar.AnswerOption),
            BlockContext.Domain => word switch
            {
                "standard" => RunHeader(Grammar.StandardHeader, h => new StandardDeclarationSyntax(h.Keyword, h.Code, h.Title, h.When, ParseBlock(BlockContext.Standard))),
                _ => ParseCommonMember(),
            },
            BlockContext.Standard => word switch
            {
                "key_question" => RunHeader(Grammar.KeyQuestionHeader, h => new KeyQuestionDeclarationSyntax(
                    h.Keyword, h.Code, h.Text, h.Colon, h.Set, h.When, ParseOptionalBlock(BlockContext.KeyQuestion))),
                "rated" or "not" => Run(Grammar.RatingRule),
                _ => ParseCommonMember(),
            },
            BlockContext.KeyQuestion => word switch
            {
                "prompt" => RunHeader(Grammar.PromptHeader, h => new PromptDeclarationSyntax(
                    h.Keyword, h.Letter, h.Text, h.Colon, h.Set, h.When, ParseOptionalBlock(BlockContext.Prompt))),
                _ => ParseCommonMember(),
            },
            BlockContext.Prompt => ParseCommonMember(),
            BlockContext.Breakdown => Run(Grammar.BreakdownGroup),
            BlockContext.Test => word switch
            {
                "case" => new TestCaseBlockSyntax(Next(), ParseBlock(BlockContext.TestCase)),
                "answers" => new TestAnswersBlockSyntax(Next(), ParseBlock(BlockContext.TestAnswers)),
                _ => Run(Grammar.Expectation),
            },
            BlockContext.TestCase => Run(Grammar.TestCaseEntry),
            BlockContext.TestAnswers => Run(Grammar.TestAnswerEntry),
            _ => null,
        };
        if (member is not null && _index > start) return member;
        _index = start;
        return SkipUnexpected(context, reportAt: member is null ? null : Current);
    }

    /// <summary>The keyword a word stands for: itself, or the keyword it misspells when taken as one (<see cref="TryMisspeltMember"/>).</summary>
    private string KeywordMeant(SyntaxToken token) => _stream.TakenAs(token.Position) ?? token.Text;

    /// <summary>
    /// A word that misspells a keyword of the block ('standrd', 'promt') and is followed by what that member has next
    /// (a code, a letter, text...) starts that member: it is reported once, and the member is read as written, so it is
    /// declared and the mistakes inside it are found. Skipping it would lose the whole item, and everything that refers
    /// to it would be reported too. A word not shaped like the member is skipped as unexpected.
    /// </summary>
    private DeclarationSyntax? TryMisspeltMember(BlockContext context)
    {
        var token = Current;
        if (token.Kind != SyntaxKind.IdentifierToken || TokenParsers.SlipOf(token.Text, KeywordsOf(context)) is not { } keyword
            || !ShapedLike(context, keyword, PeekToken(1)))
            return null;
        _diagnostics.Add(DiagnosticCatalog.MisspeltKeyword(LocationOf(token), token.Text, Describe(context), keyword));
        _stream.TakeAs(token, keyword);
        return ParseMember(context);
    }

    /// <summary>Whether the token after a member's keyword is the one its header has next.</summary>
    private static bool ShapedLike(BlockContext context, string keyword, SyntaxToken next) => keyword switch
    {
        "standard" or "domain" => next.Kind == SyntaxKind.NumberToken,
        "key_question" => next.Kind == SyntaxKind.CodeToken,
        "prompt" or "scale" or "breakdown" => next.Kind == SyntaxKind.IdentifierToken,
        "answers" => context == BlockContext.Test ? next.Kind == SyntaxKind.OpenBraceToken : next.Kind == SyntaxKind.IdentifierToken,
        "case" or "overall" => next.Kind == SyntaxKind.OpenBraceToken,
        "rated" => next.IsKeyword("by"),
        "framework" or "test" or "import" or "version" or "check" or "signal" => next.Kind == SyntaxKind.StringToken,
        "summary" or "guidance" => next.Kind is SyntaxKind.StringToken or SyntaxKind.MultiLineStringToken,
        "expect" => next.Kind == SyntaxKind.CodeToken || next.IsKeyword("valid") || next.IsKeyword("invalid") || next.IsKeyword("signal"),
        _ => false,
    };

    private DeclarationSyntax? ParseCommonMember() => KeywordMeant(Current) switch
    {
        "summary" => Run(Grammar.Summary),
        "guidance" => Run(Grammar.Guidance),
        _ => Run(Grammar.Check),
    };

    private DeclarationSyntax? Run(Parser<DeclarationSyntax> parser)
    {
        var result = parser(_stream.At(_index));
        if (result.WasSuccessful)
        {
            _index = ((TokenInput)result.Remainder).Index;
            return result.Value;
        }
        return Fail(result.Remainder, result.Expectations);
    }

    private DeclarationSyntax? RunHeader<T>(Parser<T> header, Func<T, DeclarationSyntax> build)
    {
        var result = header(_stream.At(_index));
        if (!result.WasSuccessful) return Fail(result.Remainder, result.Expectations);
        _index = ((TokenInput)result.Remainder).Index;
        return build(result.Value);
    }

    /// <summary>Reports where a Sprache parse failed and skips to the next boundary.</summary>
    private DeclarationSyntax Fail(IInput remainder, IEnumerable<string> expectations)
    {
        var at = ((TokenInput)remainder).Token;
        var expected = expectations.Distinct().ToList();
        if (expected.Contains(TokenParsers.NestingTooDeepMessage))
        {
            _diagnostics.Add(DiagnosticCatalog.NestingTooDeep(LocationOf(at), TokenStream.MaxNesting));
        }
        else
        {
            var words = expected.Count switch
            {
                0 => "something else",
                1 => expected[0],
                _ => string.Join(", ", expected.Take(expected.Count - 1)) + " or " + expected[^1],
            };
            _diagnostics.Add(DiagnosticCatalog.SyntaxError(LocationOf(at), words, TokenParsers.Describe(at), NotApplicable(at, expected) ?? NearestKeyword(at, expected)));
        }
        return SkipToBoundary(reported: true);
    }

    /// <summary>'is not applicable' (as a test writes it) where the outcome 'not_applicable' belongs: the span of the two words.</summary>
    private TextSpan? NotApplicableInTwoWords(SyntaxToken found, string expected)
    {
        if (!found.IsKeyword("not") || !expected.Contains("'not_applicable'", StringComparison.Ordinal)) return null;
        var index = IndexOfTokenAt(found.Position);
        if (index + 1 >= _stream.Tokens.Count) return null;
        var next = _stream.Tokens[index + 1];
        return next.IsKeyword("applicable") && !next.StartsLine ? TextSpan.FromBounds(found.Span.Start, next.Span.End) : null;
    }

    /// <summary>'expect 2.4.1.d not_applicable' (an option's outcome is written so): a test writes the two words.</summary>
    private static string? NotApplicable(SyntaxToken found, List<string> expected) =>
        found.Kind == SyntaxKind.IdentifierToken && found.Text.Replace("_", "", StringComparison.Ordinal).Equals("notapplicable", StringComparison.OrdinalIgnoreCase)
        && expected.Contains("'not'") && expected.Contains("'applicable'")
            ? "not applicable"
            : null;

    /// <summary>For a word where keywords were expected (<c>'valid'</c>, <c>'applicable'</c>), the one it is a misspelling of.</summary>
    private static string? NearestKeyword(SyntaxToken found, IEnumerable<string> expected) =>
        found.Kind == SyntaxKind.IdentifierToken ? Suggestions.Nearest(found.Text, expected.SelectMany(QuotedWords)) : null;

    /// <summary>The quoted words of an expectation: <c>'positive', 'negative' or 'answered'</c> gives positive, negative, answered.</summary>
    private static IEnumerable<string> QuotedWords(string expectation)
    {
        var parts = expectation.Split('\'');
        for (var i = 1; i < parts.Length - 1; i += 2)
            if (SyntaxFacts.IsIdentifier(parts[i])) yield return parts[i];
    }

    // ---- Blocks ---------------------------------------------------------------------------------

    private BlockSyntax? ParseOptionalBlock(BlockContext context) =>
        Current.Kind == SyntaxKind.OpenBraceToken ? ParseBlock(context) : null;

    private BlockSyntax ParseBlock(BlockContext context)
    {
        var open = Current.Kind == SyntaxKind.OpenBraceToken
            ? Next()
            : _stream.Missing(SyntaxKind.OpenBraceToken, Current.Position);
        var members = ImmutableArray.CreateBuilder<DeclarationSyntax>();
        _enclosing.Add(context);
        try
        {
            while (true)
            {
                var token = Current;
                if (token.Kind == SyntaxKind.EndOfFileToken)
                    return new BlockSyntax(open, members.ToImmutable(), _stream.Missing(SyntaxKind.CloseBraceToken, token.Position));
                if (token.Kind == SyntaxKind.CloseBraceToken)
                    return new BlockSyntax(open, members.ToImmutable(), Next());
                if (StartsMember(context, _index))
                {
                    members.Add(ParseMember(context));
                    continue;
                }
                if (token.StartsLine && StartsEnclosingMember(_index))
                    return new BlockSyntax(open, members.ToImmutable(), _stream.Missing(SyntaxKind.CloseBraceToken, token.Position));
                members.Add(TryMisspeltMember(context) ?? SkipUnexpected(context));
            }
        }
        finally
        {
            _enclosing.RemoveAt(_enclosing.Count - 1);
        }
    }

    private bool StartsEnclosingMember(int index)
    {
        for (var i = _enclosing.Count - 2; i >= 0; i--)
            if (StartsMember(_enclosing[i], index)) return true;
        return StartsMember(BlockContext.TopLevel, index);
    }

    private bool StartsAnyMember(int index)
    {
        for (var i = _enclosing.Count - 1; i >= 0; i--)
            if (StartsMember(_enclosing[i], index)) return true;
        return StartsMember(BlockContext.TopLevel, index);
    }

    // ---- Recovery -------------------------------------------------------------------------------

    private SkippedTokensSyntax SkipUnexpected(BlockContext context, SyntaxToken? reportAt = null)
    {
        var at = reportAt ?? Current;
        if (reportAt is null && JoinedKeyword(context) is { } joined)
        {
            // "key question" for key_question: both words, and the keyword as the suggestion.
            var location = new Location(_source, TextSpan.FromBounds(at.Span.Start, joined.Second.Span.End));
            _diagnostics.Add(DiagnosticCatalog.MisspeltKeyword(location, $"{at.Text} {joined.Second.Text}", Describe(context), joined.Keyword));
            // Shaped like the member ('key question 2.4.1 ...'): the first word is skipped and the second taken for the
            // keyword, so the member is read (see TryMisspeltMember).
            if (PeekToken(2).StartsLine || !ShapedLike(context, joined.Keyword, PeekToken(2))) return SkipToBoundary(reported: true);
            _stream.TakeAs(joined.Second, joined.Keyword);
            return new SkippedTokensSyntax([Next()]);
        }
        var keyword = at.Kind == SyntaxKind.IdentifierToken ? Suggestions.Nearest(at.Text, KeywordsOf(context)) : null;
        var habit = at.Kind is SyntaxKind.BadToken or SyntaxKind.PipeToken ? HabitFromElsewhere(at)
            : at.Kind == SyntaxKind.PercentToken && context == BlockContext.Overall ? DiagnosticCatalog.PercentInOverall(LocationOf(at))
            : at.Kind == SyntaxKind.IdentifierToken && at.Text == "between" ? Between(at)
            : null;
        if (keyword is null && habit is null) (_plainSkipReports ??= [])[at.Span.Start] = _diagnostics.Count;
        _diagnostics.Add(
            keyword is not null ? DiagnosticCatalog.MisspeltKeyword(LocationOf(at), at.Text, Describe(context), keyword)
            : habit ?? DiagnosticCatalog.UnexpectedInput(LocationOf(at), TokenParsers.Describe(at), Describe(context)));
        return SkipToBoundary(reported: true);
    }

    /// <summary>A character written out of a habit from other languages ('=' to compare, '#' for a comment, ';' at
    /// the end of a line): said in those words, with the fix.</summary>
    private Diagnostic? HabitFromElsewhere(SyntaxToken at) => at.Text switch
    {
        _ when TokenParsers.InvisibleCharacter(at.Text) is { } invisible => DiagnosticCatalog.InvisibleCharacter(LocationOf(at), invisible),
        "&" => ForeignOperator(at, "&", "and"),
        "|" => ForeignOperator(at, "|", "or"),
        "!" => DiagnosticCatalog.ForeignOperator(LocationOf(at), "!", "not", NotForBang(at)),
        "[" => DiagnosticCatalog.SquareBrackets(LocationOf(at), SetWrittenInBrackets(at)),
        "=" => DiagnosticCatalog.SingleEquals(LocationOf(at)),
        "#" => DiagnosticCatalog.HashComment(LocationOf(at)),
        ";" => DiagnosticCatalog.Semicolon(LocationOf(at)),
        _ => null,
    };

    /// <summary>'&&' or '||' (a single '|' is the language's own separator, so only a doubled one is taken for 'or').</summary>
    private Diagnostic? ForeignOperator(SyntaxToken at, string single, string keyword)
    {
        var next = TokenAfter(at);
        var doubled = next.Text == single && next.Position == at.Span.End;
        if (!doubled && single == "|") return null;
        var span = doubled ? TextSpan.FromBounds(at.Span.Start, next.Span.End) : at.Span;
        return DiagnosticCatalog.ForeignOperator(new Location(_source, span), doubled ? single + single : single, keyword);
    }

    /// <summary>
    /// 'case.age between 18 and 25' (or a code before 'between'): reported over the whole comparison, with the two
    /// comparisons the language writes as the fix. Null when the words around it are not of that shape.
    /// </summary>
    private Diagnostic? Between(SyntaxToken at)
    {
        var index = IndexOfTokenAt(at.Position);
        var tokens = _stream.Tokens;
        if (index + 3 >= tokens.Count || tokens.KindOf(index + 1) != SyntaxKind.NumberToken || !tokens[index + 2].IsKeyword("and")
            || tokens.KindOf(index + 3) != SyntaxKind.NumberToken)
            return null;
        int first;
        if (index >= 3 && tokens[index - 3].IsKeyword("case") && tokens.KindOf(index - 2) == SyntaxKind.DotToken && tokens.KindOf(index - 1) == SyntaxKind.IdentifierToken)
            first = index - 3;
        else if (index >= 1 && tokens.KindOf(index - 1) == SyntaxKind.CodeToken) first = index - 1;
        else return null;
        var operand = _source.Text[tokens[first].Position..tokens[index - 1].Span.End];
        var span = TextSpan.FromBounds(tokens[first].Position, tokens[index + 3].Span.End);
        return DiagnosticCatalog.Between(new Location(_source, span), $"{operand} >= {tokens[index + 1].Text} and {operand} <= {tokens[index + 3].Text}");
    }

    /// <summary>'[a, b]' as the language writes it, '{a, b}', from the words up to the closing bracket on the same line.</summary>
    private string SetWrittenInBrackets(SyntaxToken open)
    {
        var words = new List<string>();
        var index = IndexOfTokenAt(open.Position);
        for (var i = 1; ; i++)
        {
            var token = _stream.Tokens[Math.Min(index + i, _stream.Tokens.Count - 1)];
            if (token.StartsLine || token.Kind == SyntaxKind.EndOfFileToken) return "{a, b}";
            if (token.Text == "]") return words.Count == 0 ? "{a, b}" : "{" + string.Join(", ", words) + "}";
            if (token.Kind == SyntaxKind.IdentifierToken) words.Add(token.Text);
            else if (token.Kind != SyntaxKind.CommaToken) return "{a, b}";
        }
    }

    /// <summary>The current word and the next, on the same line, when joined by '_' they make a keyword of the block.</summary>
    private (SyntaxToken Second, string Keyword)? JoinedKeyword(BlockContext context)
    {
        if (Current.Kind != SyntaxKind.IdentifierToken || _index + 1 >= _stream.Tokens.Count) return null;
        var second = _stream.Tokens[_index + 1];
        if (second.Kind != SyntaxKind.IdentifierToken || second.StartsLine) return null;
        var joined = Current.Text + "_" + second.Text;
        return Array.IndexOf(KeywordsOf(context), joined) >= 0 ? (second, joined) : null;
    }

    /// <summary>The words that start a member of a block (for "did you mean"); none for blocks of named members.</summary>
    /// <remarks>The same words as <see cref="StartsMember"/> recognises, which stays a switch on the hot path.</remarks>
    private static string[] KeywordsOf(BlockContext context) => context switch
    {
        BlockContext.TopLevel => TopLevelKeywords,
        BlockContext.Framework => FrameworkKeywords,
        BlockContext.Domain => DomainKeywords,
        BlockContext.Standard => StandardKeywords,
        BlockContext.KeyQuestion => KeyQuestionKeywords,
        BlockContext.Prompt => PromptKeywords,
        BlockContext.Test => TestKeywords,
        _ => [],
    };

    private static readonly string[] TopLevelKeywords = ["import", "framework", "scale", "case", "answers", "domain", "breakdown", "test", "check", "signal"];
    private static readonly string[] FrameworkKeywords = ["version", "scale", "overall"];
    private static readonly string[] DomainKeywords = ["standard", "summary", "guidance", "check", "signal"];
    private static readonly string[] StandardKeywords = ["summary", "rated", "guidance", "key_question", "check", "signal"];
    private static readonly string[] KeyQuestionKeywords = ["prompt", "guidance", "check", "signal"];
    private static readonly string[] PromptKeywords = ["guidance", "check", "signal"];
    private static readonly string[] TestKeywords = ["case", "answers", "expect"];

    /// <summary>Every word that starts a member of some block, but 'case', which starts conditions too ('case.age').</summary>
    internal static readonly string[] MemberKeywords =
    [
        .. new[] { TopLevelKeywords, FrameworkKeywords, DomainKeywords, StandardKeywords, KeyQuestionKeywords, PromptKeywords, TestKeywords }
            .SelectMany(words => words).Distinct().Where(word => word != "case"),
    ];

    /// <summary>
    /// Skips at least one token, then up to the next line that starts a member of this or an
    /// enclosing block, or the brace that closes this block. Braces inside the skipped text are
    /// balanced so a garbled block is skipped whole.
    /// </summary>
    private SkippedTokensSyntax SkipToBoundary(bool reported)
    {
        _ = reported;
        var skipped = ImmutableArray.CreateBuilder<SyntaxToken>();
        var depth = 0;
        var first = true;
        while (Current.Kind != SyntaxKind.EndOfFileToken)
        {
            var token = Current;
            if (!first && depth == 0)
            {
                if (token.Kind == SyntaxKind.CloseBraceToken) break;
                if (token.StartsLine && StartsAnyMember(_index)) break;
            }
            // Braces that never balance would carry the skip to the end of the file: it ends at a line that can only start
            // a declaration of its own ('domain 2 "..."', 'test "..." {'), which no block holds, so the rest is still read.
            else if (!first && token.StartsLine && StartsDeclarationOnly(_index)) break;
            if (token.Kind == SyntaxKind.OpenBraceToken) depth++;
            else if (token.Kind == SyntaxKind.CloseBraceToken)
            {
                if (depth == 0 && !first) break;
                if (depth > 0) depth--;
                else if (first && _enclosing.Count > 0) break;
            }
            skipped.Add(Next());
            first = false;
        }
        if (skipped.Count == 0 && Current.Kind != SyntaxKind.EndOfFileToken && Current.Kind != SyntaxKind.CloseBraceToken)
            skipped.Add(Next());
        return new SkippedTokensSyntax(skipped.ToImmutable());
    }

    private Location LocationOf(SyntaxToken token) => new(_source, token.Span);

    /// <summary>Keywords taken despite a slip ('scor' for score): each one still in the tree is an RL0001 with the keyword as the fix.</summary>
    private void ReportMisspeltKeywords()
    {
        if (_stream.MisspeltKeywords is not { } misspelt) return;
        foreach (var (position, keyword) in misspelt)
        {
            var token = FindTokenAt(position);
            // Taken by an alternative that was given up, then skipped (and reported) as unexpected: nothing more to say.
            if (token.Position != position || token.Parent is null or SkippedTokensSyntax) continue;
            _diagnostics.Add(DiagnosticCatalog.SyntaxError(LocationOf(token), $"'{keyword}'", TokenParsers.Describe(token), keyword));
        }
    }

    /// <summary>Missing tokens stand for what the author forgot; each becomes one RL0001.</summary>
    private void ReportMissingTokens(CompilationUnitSyntax root)
    {
        if (!_stream.MadeMissingTokens) return; // the usual case: no need to walk every token
        // Where another syntax error is reported already (a word skipped as unexpected): it says enough there.
        var otherErrorsAt = new HashSet<int>(_diagnostics.Where(d => d.Id == "RL0001").Select(d => d.Location.Span.Start));
        // Parts missing before the same token are one error when they belong to one member (a level's 'score 1 from
        // 50%', an item's ':' and answer set), and one each when they belong to different members (a condition after
        // 'and' in the last prompt, then the '}' of its key question).
        var reportedFor = new HashSet<(int Position, SyntaxNode? Member)>();
        foreach (var token in root.Tokens())
        {
            if (!token.IsMissing) continue;
            var found = FindTokenAt(token.Position);
            // 'not aplicable', '18 - 25': what was expected was inserted as missing and the word or character there was
            // skipped as unexpected in the block; the missing token says more ("Expected 'to' but found '-'"), with a
            // suggestion when the word is a misspelling of the keyword or the character stands for it.
            if (token.Expected is { } expected && _plainSkipReports is not null && _plainSkipReports.TryGetValue(found.Span.Start, out var index))
            {
                if (NotApplicableInTwoWords(found, expected) is { } both)
                {
                    _diagnostics[index] = DiagnosticCatalog.SyntaxError(new Location(_source, both), expected, "'not applicable'", "not_applicable");
                    _plainSkipReports.Remove(found.Span.Start);
                    continue;
                }
                var suggestion = NearestKeyword(found, [expected]) ?? DashForTo(found, expected) ?? NotForBang(found);
                _diagnostics[index] = DiagnosticCatalog.SyntaxError(LocationOf(found), expected, TokenParsers.Describe(found), suggestion);
                _plainSkipReports.Remove(found.Span.Start);
                continue;
            }
            if (otherErrorsAt.Contains(found.Span.Start) || !reportedFor.Add((found.Span.Start, MemberOf(token)))) continue;
            // What is missing at the end of a line ('from 65' without '%') is reported there, not at the next line's
            // first word: that is where the author has to type it.
            var (at, what) = found.StartsLine && found.Kind != SyntaxKind.EndOfFileToken && TokenBefore(found) is { } previous
                ? (new Location(_source, new TextSpan(previous.Span.End, 0)), "the end of the line")
                : (LocationOf(found), TokenParsers.Describe(found));
            _diagnostics.Add(DiagnosticCatalog.SyntaxError(at, BraceFor(token) ?? token.Expected ?? token.Kind.Describe(), what,
                token.Expected is { } wanted && at.Span.Start == found.Span.Start ? DashForTo(found, wanted) ?? NotForBang(found) : null));
        }
    }

    /// <summary>A missing brace, said with the item it opens or closes ("'}' to close key question 2.4.1"): in a long file
    /// the place it is reported (where the next member starts) can be far from the item's start.</summary>
    private static string? BraceFor(SyntaxToken token)
    {
        if (token.Kind is not (SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken) || token.Parent is not BlockSyntax { Parent: { } owner })
            return null;
        static string Named(string what, SyntaxToken name) => name.IsMissing || name.Text.Length == 0 ? what : $"{what} {name.Text}";
        var item = owner switch
        {
            FrameworkDeclarationSyntax => "the framework",
            ScaleDeclarationSyntax s => Named("scale", s.Name),
            AnswerSetDeclarationSyntax a => Named("answer set", a.Name),
            CaseDeclarationSyntax => "the case fields",
            DomainDeclarationSyntax d => Named("domain", d.Number),
            StandardDeclarationSyntax s => Named("standard", s.Code),
            KeyQuestionDeclarationSyntax k => Named("key question", k.Code),
            PromptDeclarationSyntax p => Named("prompt", p.Letter),
            BreakdownDeclarationSyntax b => Named("breakdown", b.Name),
            TestDeclarationSyntax t => Named("test", t.Name),
            OverallBlockSyntax => "the overall bands",
            TestCaseBlockSyntax => "the test's case",
            TestAnswersBlockSyntax => "the test's answers",
            _ => null,
        };
        return item is null ? null : token.Kind == SyntaxKind.OpenBraceToken ? $"'{{' to open {item}" : $"'}}' to close {item}";
    }

    /// <summary>The member (declaration or one-line member) a token belongs to: for a block's brace, the member whose block it is.</summary>
    private static SyntaxNode? MemberOf(SyntaxToken token)
    {
        for (var node = token.Parent; node is not null; node = node.Parent)
            if (node is DeclarationSyntax) return node;
        return null;
    }

    /// <summary>
    /// A range written with a dash where 'to' belongs ('18 - 25', '18–25' with a word processor's en dash, '18-25',
    /// which reads as 18 and -25): the text that replaces the dash (or the negative number) with 'to', spaced.
    /// </summary>
    private string? DashForTo(SyntaxToken found, string expected)
    {
        if (expected != "'to'") return null;
        var text = _source.Text;
        var before = found.Position > 0 && !char.IsWhiteSpace(text[found.Position - 1]) ? " " : "";
        var end = found.Span.End;
        var after = end < text.Length && !char.IsWhiteSpace(text[end]) ? " " : "";
        return found.Kind switch
        {
            SyntaxKind.BadToken when found.Text is "-" or "\u2013" or "\u2014" => before + "to" + after,
            SyntaxKind.NumberToken when found.Text.StartsWith('-') => before + "to " + found.Text[1..],
            _ => null,
        };
    }

    /// <summary>'!' where a condition belongs ('when !case.harm'): the language writes 'not', spaced from what follows.</summary>
    private string? NotForBang(SyntaxToken found)
    {
        if (found.Kind != SyntaxKind.BadToken || found.Text != "!") return null;
        var end = found.Span.End;
        return end < _source.Text.Length && !char.IsWhiteSpace(_source.Text[end]) ? "not " : "not";
    }

    private SyntaxToken TokenAfter(SyntaxToken token) => _stream.Tokens[Math.Min(IndexOfTokenAt(token.Position) + 1, _stream.Tokens.Count - 1)];

    private SyntaxToken? TokenBefore(SyntaxToken token)
    {
        var index = IndexOfTokenAt(token.Position);
        return index > 0 ? _stream.Tokens[index - 1] : null;
    }

    private SyntaxToken FindTokenAt(int position) => _stream.Tokens[IndexOfTokenAt(position)];

    private int IndexOfTokenAt(int position)
    {
        var tokens = _stream.Tokens;
        int lo = 0, hi = tokens.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Position < position) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
