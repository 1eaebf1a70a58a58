using Rules.Core.Diagnostics;
using Rules.Core.Tests.Support;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Diagnostics;

/// <summary>RL0108 (imports), RL0109 (framework declarations) and rules.json severities.</summary>
public class WorkspaceDiagnosticTests
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;

    private const string Library = """
        answers Shared {
          yes "Yes" positive
          no  "No"
        }
        """;

    private static string UsingShared(string imports) => imports + "\n" + FrameworkWithStandard.Replace("key_question 1.1.1 \"Q\" : YesNo", "key_question 1.1.1 \"Q\" : Shared");

    [Fact]
    public void RL0108_ImportNotFound()
    {
        DiagnosticAssert.Reports("RL0108", Error, UsingShared("import [|\"../common/missing.rules\"|]"));
    }

    [Fact]
    public void RL0108_WhileAnImportIsNotFoundNamesItMayDeclareAreNotReportedAsUnknown()
    {
        // A moved or misspelt import would otherwise bring an error for every use of its answer sets and case fields
        // (hundreds in a real framework), burying the one that matters.
        var compilation = Compile(UsingShared("import \"../common/missing.rules\"")
            .Replace("prompt a \"A\" : YesNo", "prompt a \"A\" : Shared when case.grade == senior"));
        var d = Assert.Single(compilation.Diagnostics, d => d.IsError);
        Assert.Equal("RL0108", d.Id);
        Assert.Equal("The imported file '../common/missing.rules' does not exist. Until it is found, the answer sets, scales and case fields it may declare are not reported as unknown.", d.Message);
    }

    [Fact]
    public void RL0108_NearMiss_WithEveryImportFoundAnUnknownAnswerSetIsReported()
    {
        var compilation = Compile(UsingShared("import \"../common/shared.rules\"").Replace("prompt a \"A\" : YesNo", "prompt a \"A\" : Sahred"),
            ("/ws/common/shared.rules", Library));
        Assert.Contains(compilation.Diagnostics, d => d.Id == "RL0103");
    }

    [Fact]
    public void RL0108_ImportOutsideWorkspaceRoot()
    {
        var found = DiagnosticAssert.Reports("RL0108", Error, UsingShared("import [|\"../../outside/shared.rules\"|]"),
            ("/outside/shared.rules", Library));
        Assert.Contains("outside the workspace", found[0].Message);
    }

    [Fact]
    public void RL0108_CircularImports()
    {
        var a = MarkedText.Parse("import [|\"b.rules\"|]\n" + Library);
        var b = MarkedText.Parse("import [|\"a.rules\"|]\nanswers Other {\n  yes \"Yes\" positive\n}\n");
        var compilations = CompileAll(("/ws/common/a.rules", a.Text), ("/ws/common/b.rules", b.Text));
        var all = AllDiagnostics(compilations);
        DiagnosticAssert.Reports("RL0108", Error, all, "/ws/common/a.rules", a);
        DiagnosticAssert.Reports("RL0108", Error, all, "/ws/common/b.rules", b);
        Assert.All(all.Where(d => d.Id == "RL0108"), d => Assert.Contains("circle", d.Message));
    }

    [Fact]
    public void RL0108_CycleReachedFromAFrameworkIsReportedAtItsImport()
    {
        var compilation = Compile(UsingShared("import \"../common/a.rules\""),
            ("/ws/common/a.rules", "import \"b.rules\"\n" + Library),
            ("/ws/common/b.rules", "import \"a.rules\"\n"));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Id == "RL0103");
    }

    [Fact]
    public void RL0108_ImportedFileWithAnErrorIsReportedAtTheImport()
    {
        // Before, the framework checked clean (and was evaluated) with the library's doubled option.
        var found = DiagnosticAssert.Reports("RL0108", Error, UsingShared("import [|\"../common/shared.rules\"|]"),
            ("/ws/common/shared.rules", "answers Shared {\n  yes \"Yes\" positive\n  yes \"No\"\n}\n"));
        Assert.Equal(
            "The imported file 'common/shared.rules' has an error; fix it there first (line 3: Option 'yes' is declared more than once; the first is on line 2.)",
            found[0].Message);
        Assert.Equal(("/ws/common/shared.rules", 2), (found[0].Related!.Location.Path, found[0].Related!.Location.LineSpan.Start.Line));
    }

    [Fact]
    public void RL0108_ErrorsOfAFileImportedThroughAnotherAreReportedAtTheFrameworksImport()
    {
        var found = DiagnosticAssert.Reports("RL0108", Error, UsingShared("import [|\"../common/a.rules\"|]"),
            ("/ws/common/a.rules", "import \"b.rules\"\n" + Library),
            ("/ws/common/b.rules", "scale Other {\n  high \"High\" score 1 from 150%\n  low \"Low\" score 0 from 0%\n}\n"));
        Assert.StartsWith("'common/b.rules', imported through 'common/a.rules', has an error; fix it there first (line 2: ", found[0].Message);
    }

    [Fact]
    public void RL0108_NearMiss_AnImportedFileWithWarningsOnly()
    {
        // A library's unused answer set is a warning of its own check, not a reason to distrust it.
        var compilation = Compile(UsingShared("import \"../common/shared.rules\""),
            ("/ws/common/shared.rules", Library + "answers Spare {\n  yes \"Yes\" positive\n}\n"));
        DiagnosticAssert.DoesNotReport("RL0108", compilation.Diagnostics);
    }

    [Fact]
    public void RL0108_NearMiss_ImportResolvesAndDeclarationsAreUsable()
    {
        var compilation = Compile(UsingShared("import \"../common/shared.rules\""), ("/ws/common/shared.rules", Library));
        DiagnosticAssert.DoesNotReport("RL0108", compilation.Diagnostics);
        DiagnosticAssert.DoesNotReport("RL0103", compilation.Diagnostics);
        Assert.Contains(compilation.Model.AnswerSets, s => s.Name == "Shared");
    }

    [Fact]
    public void RL0109_NoFramework()
    {
        var marked = MarkedText.Parse("""
            answers YesNo {
              yes "Yes" positive
            }
            [|domain|] 1 "D" {
              standard 1.1 "S" {
                summary "Sum"
                rated by inspector
              }
            }
            """);
        var all = AllDiagnostics(CompileAll(("/ws/lib/lib.rules", marked.Text)));
        DiagnosticAssert.Reports("RL0109", Error, all, "/ws/lib/lib.rules", marked);
    }

    [Fact]
    public void RL0109_TestInALibraryFile()
    {
        var marked = MarkedText.Parse("[|test|] \"t\" {\n  expect valid\n}\n");
        var all = AllDiagnostics(CompileAll(("/ws/lib/lib.rules", marked.Text)));
        DiagnosticAssert.Reports("RL0109", Error, all, "/ws/lib/lib.rules", marked);
    }

    [Fact]
    public void RL0109_TwoFrameworks()
    {
        var second = MarkedText.Parse("[|framework|] \"Again\" {\n  version \"2\"\n  scale Rating\n}\n");
        var compilation = Compile(FrameworkWithStandard, ("/ws/fw/second.rules", second.Text));
        DiagnosticAssert.Reports("RL0109", Error, compilation.Diagnostics, "/ws/fw/second.rules", second);
    }

    [Fact]
    public void RL0109_NearMiss_LibraryWithOnlySharedDeclarations()
    {
        var all = AllDiagnostics(CompileAll(("/ws/lib/lib.rules", Library), (MainPath, UsingShared("import \"../lib/lib.rules\""))));
        DiagnosticAssert.DoesNotReport("RL0109", all);
    }

    [Fact]
    public void RulesJson_TurnsAWarningOffRaisesOneAndCannotLowerAnError()
    {
        var text = FrameworkWithStandard + "answers Unused {\n  yes \"Yes\" positive\n}\n" + "answers Empty {\n  yes \"\" positive\n}\n";
        var plain = Compile(text);
        Assert.Contains(plain.Diagnostics, d => d.Id == "RL0401" && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains(plain.Diagnostics, d => d.Id == "RL0402" && d.Severity == DiagnosticSeverity.Warning);

        var fs = FileSystem((MainPath, text + "key_question 9.9.9 \"x\" : YesNo\n"))
            .With("/ws/rules.json", """{ "diagnostics": { "RL0401": "off", "RL0402": "error", "RL0001": "off" } }""");
        var configured = new Workspace.RulesWorkspace(fs).CompileAll(Root).Single();
        Assert.DoesNotContain(configured.Diagnostics, d => d.Id == "RL0401");
        Assert.All(configured.Diagnostics.Where(d => d.Id == "RL0402"), d => Assert.Equal(Error, d.Severity));
        Assert.Contains(configured.Diagnostics, d => d.Id == "RL0402");
        Assert.Contains(configured.Diagnostics, d => d.Id == "RL0001" && d.Severity == Error);
    }

    [Fact]
    public void RulesJson_BadEntryIsReportedInRulesJson()
    {
        var fs = FileSystem((MainPath, FrameworkWithStandard)).With("/ws/rules.json", """{ "diagnostics": { "RL9999": "off" } }""");
        var compilation = new Workspace.RulesWorkspace(fs).CompileAll(Root).Single();
        var d = Assert.Single(compilation.Diagnostics);
        Assert.Equal("/ws/rules.json", d.Location.Path);
        Assert.Contains("RL9999", d.Message);
    }

    [Theory]
    [InlineData("{ \"diagnostics\": { \"RL0403\": \"off\" }", "rules.json is not valid JSON:")]
    [InlineData("[1, 2]", "The whole file in rules.json must be an object")]
    [InlineData("{ \"diagnostic\": { \"RL0403\": \"off\" } }", "rules.json has no setting \"diagnostic\"")]
    [InlineData("{ \"diagnostics\": [\"RL0403\"] }", "\"diagnostics\" in rules.json must be an object")]
    [InlineData("{ \"diagnostics\": { \"RL0403\": \"loud\" } }", "rules.json sets RL0403 to \"loud\"; use \"error\", \"warning\", \"info\" or \"off\".")]
    [InlineData("{ \"diagnostics\": { \"RL0403\": \"of\" } }", "rules.json sets RL0403 to \"of\"; use \"error\", \"warning\", \"info\" or \"off\". Did you mean \"off\"?")]
    [InlineData("{ \"diagnostics\": { \"rl0403\": \"off\" } }", "rules.json sets \"rl0403\", which is not a diagnostic id; did you mean \"RL0403\"? Ids are written in capitals.")]
    [InlineData("{ \"diagnostics\": { \"RL0101\": \"warning\" } }", "RL0101 is an error and errors cannot be lowered")]
    [InlineData("{ \"diagnostics\": { \"RL0101\": \"off\" } }", "rules.json sets RL0101 to \"off\"")]
    public void RulesJson_MistakesAreReportedInTheAuthorsWords(string settings, string expected)
    {
        var fs = FileSystem((MainPath, FrameworkWithStandard)).With("/ws/rules.json", settings);
        var compilation = new Workspace.RulesWorkspace(fs).CompileAll(Root).Single();
        var d = Assert.Single(compilation.Diagnostics);
        Assert.Equal("/ws/rules.json", d.Location.Path);
        Assert.Equal("RL0001", d.Id);
        Assert.Contains(expected, d.Message);
        Assert.DoesNotContain("LineNumber", d.Message);
        Assert.DoesNotContain("..", d.Message);
    }

    [Fact]
    public void RulesJson_NearMiss_SchemaCommentsTrailingCommasAndErrorKeptAsError()
    {
        var settings = """
            {
              // editors add a schema
              "$schema": "https://example.org/rules.schema.json",
              "diagnostics": { "RL0101": "error", "RL0403": "off", "RL0204": "off", },
            }
            """;
        var fs = FileSystem((MainPath, FrameworkWithStandard)).With("/ws/rules.json", settings);
        var compilation = new Workspace.RulesWorkspace(fs).CompileAll(Root).Single();
        Assert.Empty(compilation.Diagnostics);
    }

    [Fact]
    public void RulesJson_ReportsTheEntryAtItsOwnPlace()
    {
        const string settings = "{\n  \"diagnostics\": {\n    \"RL0403\": \"off\",\n    \"RL0402\": 3\n  }\n}";
        var fs = FileSystem((MainPath, FrameworkWithStandard)).With("/ws/rules.json", settings);
        var d = Assert.Single(new Workspace.RulesWorkspace(fs).CompileAll(Root).Single().Diagnostics);
        Assert.Equal(settings.IndexOf("\"RL0402\"", StringComparison.Ordinal), d.Location.Span.Start);
        Assert.Equal(8, d.Location.Span.Length);
    }
}
