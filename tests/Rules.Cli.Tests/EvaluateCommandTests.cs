using System.Text.Json;

namespace Rules.Cli.Tests;

public class EvaluateCommandTests
{
    /// <summary>The CLI sample plus a standard rated by inspector and a breakdown by type.</summary>
    internal static readonly string Framework = Samples.Framework
        .Replace("""
          }
        }

        test
        """, """
          }
          standard 2.5 "Leadership" {
            rated by inspector
          }
        }

        breakdown case_type "Type of case" by case.type {
          "Community" : community
          "Post release" : post_release
        }

        test
        """);

    internal const string Cases = """
        {"id":"C-1","inspection":"north","case":{"type":"community"},"answers":{"2.4.1":"yes","2.4.1.a":"yes"}}
        {"id":"C-2","inspection":"north","case":{"type":"post_release"},"answers":{"2.4.1":"no","2.4.1.a":"yes","2.4.1.b":"no"}}
        {"id":"C-3","inspection":"south","case":{"type":"post_release"},"answers":{"2.4.1":"yes","2.4.1.a":"no","2.4.1.b":"yes"}}

        """;

    private const string RejectedCase = """{"id":"C-4","inspection":"south","case":{"type":"post_release"},"answers":{"2.4.1":"yes","2.4.1.a":"maybe"}}""" + "\n";
    private const string MissingAnswerCase = """{"id":"C-5","inspection":"south","case":{"type":"post_release"},"answers":{"2.4.1":"yes","2.4.1.a":"yes"}}""" + "\n";

    private static CliRunner Cli(string cases = Cases) => new CliRunner().With("fw/framework.rules", Framework).With("cases.jsonl", cases);

    [Fact]
    public void AFrameworkWhoseImportedScaleHasAnErrorIsNotEvaluated()
    {
        // The scale lives in a library with a level from 165%: before, the framework checked clean and was rated with it.
        var scale = """
            scale Rating {
              good       "Good"       score 2 from 65%
              inadequate "Inadequate" score 0 from 0%
            }

            """;
        var framework = "import \"../common/scale.rules\"\n" + Framework.Replace(scale, "");
        using var cli = new CliRunner()
            .With("fw/framework.rules", framework)
            .With("common/scale.rules", scale.Replace("from 65%", "from 165%"))
            .With("cases.jsonl", Cases);
        var (exit, output, error) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.True(error.Contains("error RL0108: The imported file 'common/scale.rules' has an error; fix it there first (line 2: Level 'good' starts at 165%, outside 0–100%.)", StringComparison.Ordinal), error);
        Assert.Contains("rules: the framework has 1 error; fix it before evaluating.", error);
    }

    [Fact]
    public void JsonReportHasTheContractFields()
    {
        using var cli = Cli();
        var (exit, output, error) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--format", "json");
        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("Sample", root.GetProperty("framework").GetProperty("name").GetString());
        Assert.Equal("1", root.GetProperty("framework").GetProperty("version").GetString());
        var input = root.GetProperty("input");
        Assert.Equal(3, input.GetProperty("read").GetInt64());
        Assert.Equal(3, input.GetProperty("evaluated").GetInt64());
        Assert.Equal(0, input.GetProperty("rejected").GetInt64());
        var all = root.GetProperty("inspections")[0];
        Assert.Equal("*", all.GetProperty("inspection").GetString());
        Assert.Equal(3, all.GetProperty("cases").GetInt64());
        var kq = all.GetProperty("keyQuestions")[0];
        Assert.Equal("2.4.1", kq.GetProperty("code").GetString());
        Assert.Equal(3, kq.GetProperty("applicable").GetInt64());
        Assert.Equal(2, kq.GetProperty("positive").GetInt64());
        Assert.Equal(66.7, kq.GetProperty("percent").GetDouble());
        var prompt = all.GetProperty("prompts").EnumerateArray().First(p => p.GetProperty("code").GetString() == "2.4.1.b");
        Assert.Equal(2, prompt.GetProperty("applicable").GetInt64());
        Assert.Equal(1, prompt.GetProperty("options").GetProperty("yes").GetInt64());
        var standard = all.GetProperty("standards").EnumerateArray().First(s => s.GetProperty("code").GetString() == "2.4");
        Assert.Equal("good", standard.GetProperty("level").GetString());
        Assert.True(all.TryGetProperty("overall", out _));
        Assert.Equal("case_type", all.GetProperty("breakdowns")[0].GetProperty("breakdown").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("rejected").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        Assert.Equal(new[] { "*", "north", "south" }, root.GetProperty("inspections").EnumerateArray().Select(i => i.GetProperty("inspection").GetString()!).ToArray());
    }

    [Fact]
    public void TextReport() => Snapshot(Cli(), "text");

    [Fact]
    public void MarkdownReport() => Snapshot(Cli(), "markdown");

    private static void Snapshot(CliRunner cli, string format, [System.Runtime.CompilerServices.CallerMemberName] string member = "")
    {
        using (cli)
        {
            var (exit, output, error) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--format", format);
            Assert.True(exit == 0, error);
            Rules.Testing.Snapshot.Verify(output, member: member);
        }
    }

    [Fact]
    public void OutputFileGetsTheReportAndStdoutStaysEmpty()
    {
        using var cli = Cli();
        var (exit, output, _) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--format", "html", "--output", "report.html");
        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.StartsWith("<!DOCTYPE html>", cli.Read("report.html"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RejectedCasesAreReportedAndFailOnlyWithFailOnRejected()
    {
        using var cli = Cli(Cases + RejectedCase);
        var (exit, output, _) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--format", "json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(1, doc.RootElement.GetProperty("input").GetProperty("rejected").GetInt64());
        var rejected = doc.RootElement.GetProperty("rejected")[0];
        Assert.Equal("C-4", rejected.GetProperty("id").GetString());
        Assert.Equal(4, rejected.GetProperty("line").GetInt32());
        Assert.Equal("RL1003", rejected.GetProperty("errors")[0].GetProperty("id").GetString());

        var (failing, _, _) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--fail-on-rejected");
        Assert.Equal(1, failing);
        using var clean = Cli();
        Assert.Equal(0, clean.Run("evaluate", "fw", "--cases", "cases.jsonl", "--fail-on-rejected").Exit);
    }

    [Fact]
    public void AllowMissingTurnsAMissingAnswerIntoAWarning()
    {
        using var cli = Cli(Cases + MissingAnswerCase);
        var (_, strict, _) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--format", "json");
        using (var doc = JsonDocument.Parse(strict))
        {
            Assert.Equal(1, doc.RootElement.GetProperty("input").GetProperty("rejected").GetInt64());
            Assert.Equal("RL1004", doc.RootElement.GetProperty("rejected")[0].GetProperty("errors")[0].GetProperty("id").GetString());
        }
        var (exit, lenient, _) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--format", "json", "--allow-missing", "--fail-on-rejected");
        Assert.Equal(0, exit);
        using var lenientDoc = JsonDocument.Parse(lenient);
        Assert.Equal(4, lenientDoc.RootElement.GetProperty("input").GetProperty("evaluated").GetInt64());
        Assert.Contains(lenientDoc.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("id").GetString() == "RL1004" && w.GetProperty("case").GetString() == "C-5");
    }

    [Fact]
    public void OverallIsNotRatedAndNamesTheStandardWithoutAnInspectorRating()
    {
        using var cli = Cli().With("ratings.json", """{ "north": { "2.5": "good" } }""");
        var (exit, output, error) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--format", "json", "--ratings", "ratings.json");
        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        var inspections = doc.RootElement.GetProperty("inspections").EnumerateArray().ToDictionary(i => i.GetProperty("inspection").GetString()!);
        var north = inspections["north"].GetProperty("overall");
        Assert.NotEqual(JsonValueKind.Null, north.GetProperty("level").ValueKind);
        var south = inspections["south"].GetProperty("overall");
        Assert.Equal(JsonValueKind.Null, south.GetProperty("level").ValueKind);
        Assert.Equal(JsonValueKind.Null, south.GetProperty("score").ValueKind);
        Assert.Equal(new[] { "2.5" }, south.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    [Fact]
    public void BadRatingsFileCannotRun()
    {
        using var cli = Cli().With("ratings.json", """{ "north": { "2.5": "splendid" } }""");
        var (exit, _, error) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--ratings", "ratings.json");
        Assert.Equal(2, exit);
        Assert.Contains("ratings.json", error);
        Assert.Equal(2, cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--ratings", "absent.json").Exit);
    }

    [Fact]
    public void ByKeepsOnlyTheNamedBreakdownAndRejectsUnknownNames()
    {
        using var cli = Cli();
        var (exit, output, _) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--format", "json", "--by", "case_type");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Single(doc.RootElement.GetProperty("inspections")[0].GetProperty("breakdowns").EnumerateArray());
        var (unknown, _, error) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--by", "age_band");
        Assert.Equal(2, unknown);
        Assert.Contains("age_band", error);
    }

    [Fact]
    public void UnreadableInputAndBadArgumentsCannotRun()
    {
        using var cli = Cli().With("cases.txt", "x");
        Assert.Equal((2, "rules: cannot find the cases file 'absent.jsonl'.\n"), Exit(cli.Run("evaluate", "fw", "--cases", "absent.jsonl")));
        Assert.Equal((2, "rules: cannot tell the format of the cases file 'cases.txt' from its name; it must end in .jsonl or .csv.\n"),
            Exit(cli.Run("evaluate", "fw", "--cases", "cases.txt")));
        Assert.Equal((2, "rules: 'fw' is a folder; --cases takes a .jsonl or .csv file.\n"), Exit(cli.Run("evaluate", "fw", "--cases", "fw")));
        Assert.Equal((2, "rules: 'fw' is a folder; --cases takes a .jsonl or .csv file.\n"), Exit(cli.Run("explain", "fw", "--cases", "fw", "--id", "C-1")));
        Assert.Equal(2, cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--format", "pdf").Exit);
        Assert.Equal(2, cli.Run("evaluate", "nowhere", "--cases", "cases.jsonl").Exit);
        Assert.Equal(2, cli.Run("evaluate", "fw").Exit);
    }

    [Fact]
    public void ALargeInputReadOnSeveralThreadsIsCountedAndCheckedInOrder()
    {
        // Over 4,096 cases, rules evaluate parses on other threads: every case is still counted once, and a
        // duplicate id and a bad answer far into the file are reported with their own lines.
        var lines = new System.Text.StringBuilder();
        var positive = 0;
        for (var i = 1; i <= 9000; i++)
        {
            var yes = i % 3 != 0;
            if (yes) positive++;
            var type = i % 2 == 0 ? "community" : "post_release";
            var b = type == "post_release" ? ",\"2.4.1.b\":\"yes\"" : "";
            lines.Append("{\"id\":\"C-" + i + "\",\"inspection\":\"north\",\"case\":{\"type\":\"" + type + "\"},\"answers\":{\"2.4.1\":\""
                + (yes ? "yes" : "no") + "\",\"2.4.1.a\":\"yes\"" + b + "}}\n");
        }
        lines.Append("""{"id":"C-5000","inspection":"north","case":{"type":"community"},"answers":{"2.4.1":"yes","2.4.1.a":"yes"}}""").Append('\n');
        lines.Append("""{"id":"C-9001","inspection":"north","case":{"type":"community"},"answers":{"2.4.1":"yes","2.4.1.a":"maybe"}}""").Append('\n');
        using var cli = Cli(lines.ToString());
        var (exit, output, error) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl", "--format", "json");
        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        var input = doc.RootElement.GetProperty("input");
        Assert.Equal((9002, 9000, 2), (input.GetProperty("read").GetInt32(), input.GetProperty("evaluated").GetInt32(), input.GetProperty("rejected").GetInt32()));
        var rejected = doc.RootElement.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("id").GetString(), r.GetProperty("line").GetInt32())).ToArray();
        Assert.Equal([("C-5000", 9001), ("C-9001", 9002)], rejected);
        var all = doc.RootElement.GetProperty("inspections").EnumerateArray().First(i => i.GetProperty("inspection").GetString() == "*");
        var question = all.GetProperty("keyQuestions").EnumerateArray().First(k => k.GetProperty("code").GetString() == "2.4.1");
        Assert.Equal((9000, positive), (question.GetProperty("applicable").GetInt32(), question.GetProperty("positive").GetInt32()));
    }

    private static (int Exit, string Error) Exit((int Exit, string Out, string Error) run) => (run.Exit, run.Error);

    [Fact]
    public void FrameworkWithErrorsPrintsThemAndExitsOne()
    {
        using var cli = new CliRunner().With("fw/framework.rules", Samples.WithUnknownOption).With("cases.jsonl", Cases);
        var (exit, output, error) = cli.Run("evaluate", "fw", "--cases", "cases.jsonl");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("fw/framework.rules(31,27): error RL0105", error);
        Assert.Contains("error RL0105", error);
    }
}
