using Rules.Core.Semantics;
using Rules.Core.Syntax;
using Rules.Core.Tests.Support;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Semantics;

/// <summary>Symbols, references with their spans, and the types of expressions.</summary>
public class SymbolTests
{
    private const string Library = """
        answers Risks {
          yes  "Yes" positive
          none "None" not_applicable
        }

        """;

    private static readonly string Main = "import \"../common/risks.rules\"\n" + FrameworkWithStandard.Replace("prompt b \"B\" : YesNo", """
        prompt b "B" : Risks
              prompt c "C" : Others
                when 1.1.1.b != none and case.type == community
        """) + """
        answers Others {
          yes  "Yes" positive
          none "None" not_applicable
        }
        check "c" when 1.1.1.c == none or rar in case.reqs

        """;

    private static Workspace.FrameworkCompilation CompileMain() => Compile(Main, ("/ws/common/risks.rules", Library));

    private static int Offset(string text, string marker, int occurrence = 0)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++) at = text.IndexOf(marker, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, marker);
        return at;
    }

    [Fact]
    public void CompilesClean()
    {
        DiagnosticAssert.Clean(CompileMain());
    }

    [Fact]
    public void OptionNoneOfOneAnswerSetIsNotNoneOfAnother()
    {
        var model = CompileMain().Model;
        var first = model.SymbolAt(MainPath, Offset(Main, "!= none") + 4);
        var second = model.SymbolAt(MainPath, Offset(Main, "== none") + 4);
        var risksNone = Assert.IsType<AnswerOptionSymbol>(first);
        var othersNone = Assert.IsType<AnswerOptionSymbol>(second);
        Assert.Equal("Risks", risksNone.AnswerSet.Name);
        Assert.Equal("Others", othersNone.AnswerSet.Name);
        Assert.NotSame(risksNone, othersNone);

        // The Risks option is declared in the imported library and used in the framework.
        var references = model.FindReferences(risksNone).ToList();
        Assert.Contains(references, r => r.IsDeclaration && r.Location.Path == "/ws/common/risks.rules");
        var use = Assert.Single(references, r => !r.IsDeclaration);
        Assert.Equal(MainPath, use.Location.Path);
        Assert.Equal(Offset(Main, "!= none") + 3, use.Location.Span.Start);
        Assert.Equal(4, use.Location.Span.Length);
    }

    [Fact]
    public void AnswerSetReferencesSpanFilesAndImports()
    {
        var model = CompileMain().Model;
        var risks = Assert.IsType<AnswerSetSymbol>(model.SymbolAt(MainPath, Offset(Main, ": Risks") + 3));
        var refs = model.FindReferences(risks).ToList();
        Assert.Equal(["/ws/common/risks.rules", MainPath], refs.Select(r => r.Location.Path).Distinct().Order());
        Assert.Same(risks, model.SymbolAt("/ws/common/risks.rules", Library.IndexOf("Risks", StringComparison.Ordinal)));
        Assert.DoesNotContain(model.FindReferences(risks, includeDeclaration: false), r => r.IsDeclaration);
    }

    [Fact]
    public void QuestionFieldAndFieldValueReferences()
    {
        var model = CompileMain().Model;
        var prompt = Assert.IsType<PromptSymbol>(model.SymbolAt(MainPath, Offset(Main, "1.1.1.b !=") + 2));
        Assert.Equal("1.1.1.b", prompt.Code);
        Assert.Equal("b", prompt.Letter);
        Assert.Same(model.FindQuestion("1.1.1"), prompt.KeyQuestion);
        Assert.Contains(model.FindReferences(prompt), r => r.IsDeclaration);

        var field = Assert.IsType<CaseFieldSymbol>(model.SymbolAt(MainPath, Offset(Main, "case.type ==") + 6));
        Assert.Equal("type", field.Name);
        var value = Assert.IsType<FieldValueSymbol>(model.SymbolAt(MainPath, Offset(Main, "== community") + 4));
        Assert.Same(field, value.Field);
        var member = Assert.IsType<FieldValueSymbol>(model.SymbolAt(MainPath, Offset(Main, "rar in") + 1));
        Assert.Equal("reqs", member.Field.Name);
    }

    [Fact]
    public void SymbolAtTouchesTheEndOfAName()
    {
        var model = CompileMain().Model;
        var start = Offset(Main, "case.type ==") + 5;
        Assert.Same(model.SymbolAt(MainPath, start), model.SymbolAt(MainPath, start + 4));
        Assert.Null(model.SymbolAt(MainPath, Offset(Main, "framework") + 2));
    }

    [Fact]
    public void TypesOfExpressions()
    {
        var model = CompileMain().Model;
        var tree = model.FindTree(MainPath)!;
        BoundType? TypeOf(string text) =>
            model.TypeOf(tree.Root.DescendantNodesAndSelf().OfType<ExpressionSyntax>().First(e => e.ToString().Trim() == text));

        Assert.Equal(BoundTypeKind.Answer, TypeOf("1.1.1.b")!.Kind);
        Assert.Equal("Risks", TypeOf("1.1.1.b")!.AnswerSet!.Name);
        Assert.Equal(BoundTypeKind.Enum, TypeOf("case.type")!.Kind);
        Assert.Equal(BoundTypeKind.Set, TypeOf("case.reqs")!.Kind);
        Assert.Equal(BoundTypeKind.Boolean, TypeOf("1.1.1.b != none")!.Kind);
        Assert.Equal(BoundTypeKind.Boolean, TypeOf("rar in case.reqs")!.Kind);
        Assert.Equal(BoundTypeKind.Names, TypeOf("community")!.Kind);
    }

    [Fact]
    public void TypesOfNumbersAggregatesAndErrors()
    {
        var compilation = Compile(FrameworkWithStandard + "check \"c\" when count(1.1.1.* is positive) > case.age and any(1.1.1.* == yes) and case.nope\n");
        var model = compilation.Model;
        var expressions = model.Trees[0].Root.DescendantNodesAndSelf().OfType<ExpressionSyntax>().ToList();
        BoundTypeKind? Kind(string text) => model.TypeOf(expressions.First(e => e.ToString().Trim() == text))?.Kind;
        Assert.Equal(BoundTypeKind.Number, Kind("count(1.1.1.* is positive)"));
        Assert.Equal(BoundTypeKind.Number, Kind("case.age"));
        Assert.Equal(BoundTypeKind.Boolean, Kind("any(1.1.1.* == yes)"));
        Assert.Equal(BoundTypeKind.Error, Kind("case.nope"));
    }

    [Fact]
    public void ModelCollectsTheHierarchy()
    {
        var model = CompileMain().Model;
        Assert.Equal("F", model.Framework!.Name);
        Assert.Equal("Rating", model.Framework.Scale!.Name);
        Assert.Equal(["good", "poor"], model.Framework.OverallBands.Select(b => b.LevelName));
        var standard = Assert.Single(model.Standards);
        Assert.Equal(RatingMethod.LowestKeyQuestion, standard.Rating);
        Assert.Equal(["1.1.1", "1.1.1.a", "1.1.1.b", "1.1.1.c"], model.Questions.Select(q => q.Code));
        Assert.Single(model.GlobalChecks);
        Assert.Equal(["age", "harm", "type", "reqs"], model.CaseFields.Select(f => f.Name));
        Assert.Equal(FieldTypeKind.Set, model.FindField("reqs")!.Type);
        Assert.Equal(OptionOutcome.NotApplicable, model.FindAnswerSet("Risks")!.FindOption("none")!.Outcome);
    }

    [Fact]
    public void TheStarOfAWildcardIsItsKeyQuestion()
    {
        var text = Main.Replace("check \"c\" when", "check \"any\" when any(1.1.1.* is positive)\ncheck \"c\" when");
        var model = Compile(text, ("/ws/common/risks.rules", Library)).Model;
        var star = Offset(text, "1.1.1.*") + "1.1.1.".Length;
        var keyQuestion = model.FindQuestion("1.1.1");
        Assert.Same(keyQuestion, model.SymbolAt(MainPath, star));     // on the '*'
        Assert.Same(keyQuestion, model.SymbolAt(MainPath, star + 1)); // just after it
        Assert.Same(keyQuestion, model.ReferenceAt(MainPath, star)!.Value.Symbol);
        Assert.Equal("1.1.1", text.Substring(model.ReferenceAt(MainPath, star)!.Value.Span.Start, 5));
    }

    [Fact]
    public void ASymbolsLocationIsWhereItsNameIsWritten()
    {
        // Symbols keep their place as a file and a span (no Location object each): the Location made from them is the
        // declaration's reference, in the right file, every time it is asked for.
        var model = CompileMain().Model;
        foreach (var symbol in new Symbol[] { model.QuestionsByCode["1.1.1.c"], model.AnswerSets.Single(a => a.Name == "Risks") })
        {
            var declaration = Assert.Single(model.FindReferences(symbol), r => r.IsDeclaration);
            Assert.Equal(declaration.Location, symbol.Location);
            Assert.Equal(symbol.Location, symbol.Location);
        }
    }

    [Fact]
    public void ReferencesToOneAnswerSetOrFieldShareTheirType()
    {
        var model = CompileMain().Model;
        var condition = (BoundBinary)model.QuestionsByCode["1.1.1.c"].Condition!;
        var question = (BoundQuestionReference)((BoundBinary)condition.Left).Left;
        var field = (BoundFieldReference)((BoundBinary)condition.Right).Left;
        Assert.Equal(new BoundType(BoundTypeKind.Answer, AnswerSet: question.Question.AnswerSet), question.Type);
        Assert.Same(question.Question.AnswerSet!.AnswerType, question.Type);
        Assert.Equal(new BoundType(BoundTypeKind.Enum, Field: field.Field), field.Type);
        Assert.Same(field.Field.ValueType, field.Type);
    }

    [Fact]
    public void ANameWrittenInSeveralConditionsResolvesAloneInEach()
    {
        // Single names share their arrays within a compilation: each condition still has its own bound expression,
        // resolved to the option of its own answer set.
        var model = Compile(FrameworkWithStandard + """
            domain 2 "E" {
              standard 2.1 "T" {
                summary "Sum"
                rated by lowest key_question
                key_question 2.1.1 "Q" : YesNo
                  when 1.1.1.b == yes
                key_question 2.1.2 "R" : YesNo
                  when 1.1.1.a == yes and 1.1.1.b != no
              }
            }

            """).Model;
        var first = (BoundNames)((BoundBinary)model.QuestionsByCode["2.1.1"].Condition!).Right;
        var both = (BoundBinary)model.QuestionsByCode["2.1.2"].Condition!;
        var second = (BoundNames)((BoundBinary)both.Left).Right;
        var third = (BoundNames)((BoundBinary)both.Right).Right;
        Assert.NotSame(first, second);
        Assert.Equal(["yes"], first.Names.ToArray()); // (ImmutableArray compares by reference in Assert.Equal)
        Assert.Equal(["yes"], second.Names.ToArray());
        Assert.Equal(["no"], third.Names.ToArray());
        Assert.Equal("yes", Assert.IsType<AnswerOptionSymbol>(Assert.Single(first.Resolved)).Name);
        Assert.Same(first.Resolved.Single(), second.Resolved.Single());
        Assert.Equal("no", Assert.IsType<AnswerOptionSymbol>(Assert.Single(third.Resolved)).Name);
    }

    [Fact]
    public void ATestEntryKeepsItsPlace()
    {
        var text = new global::Rules.Core.Text.SourceText("answers { }", "/ws/a.rules");
        var (here, there) = (new global::Rules.Core.Diagnostics.Location(text, new global::Rules.Core.Text.TextSpan(2, 3)), new global::Rules.Core.Diagnostics.Location(text, new global::Rules.Core.Text.TextSpan(5, 1)));
        var answer = new TestAnswer("1.1.1", "yes", here);
        Assert.Equal(here, answer.Location);
        Assert.Equal(answer, new TestAnswer("1.1.1", "yes", here));
        Assert.NotEqual(answer, new TestAnswer("1.1.1", "yes", there));
        Assert.Equal(there, (answer with { Location = there }).Location);
        Assert.Equal(here, new TestExpectation(ExpectationKind.Valid, null, null, null, here).Location);
        Assert.Equal(there, new TestCaseValue("age", new global::Rules.Core.Evaluation.CaseValue.Number(3), there).Location);
    }
}
