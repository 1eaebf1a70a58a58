using System.Text;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Input;

/// <summary>
/// JSON lines of the usual shape are read straight from their bytes, and every other line by
/// System.Text.Json's reader; both readings give the same record. Each test goes through
/// <see cref="Outcome.ReadAll(string, CaseInputFormat, CaseReaderOptions?)"/>, which reads the
/// input again without plain-line reading and fails on any difference.
/// </summary>
public sealed class PlainLineTests
{
    private const string Good = """{"id":"C-1","inspection":"north","case":{"type":"community","rosh":"low","age":30,"harm_indicators":false,"requirements":["rar","unpaid_work"]},"answers":{"2.4.1":"yes","2.4.1.a":"should","2.4.1.b":"no","2.4.1.c":"none","2.4.2":null,"2.4.3":"no","2.4.3.a":"no"}}""";

    [Theory]
    [InlineData(Good)]
    [InlineData(""" { "answers" : { "2.4.1" : "no" } , "case" : { "age" : -7 , "requirements" : [ ] } , "id" : "C-2" , "inspection" : null } """)]
    [InlineData("{\t\"id\":\"C-3\",\r\"case\":null,\"answers\":null}")]
    [InlineData("""{"id":"C-4","case":{},"answers":{},"inspection":""}""")]
    [InlineData("""{"id":"C-5","case":{"age":0}}""")]
    [InlineData("""{"id":"C-6","case":{"age":999999999999999}}""")]
    [InlineData("""{"id":"C-7","case":{"age":1234567890123456}}""")]
    [InlineData("""{"id":"C-8","case":{"age":-0}}""")]
    [InlineData("""{"id":"C-9","case":{"age":30.5}}""")]
    [InlineData("""{"id":"C-10","case":{"age":3e1}}""")]
    [InlineData("""{"id":"C-11","case":{"age":030}}""")]
    [InlineData("""{"id":"C-12","case":{"age":"30"}}""")]
    [InlineData("""{"id":"C-13","case":{"harm_indicators":truex}}""")]
    [InlineData("""{"id":"C-14","case":{"ag\u0065":30}}""")]
    [InlineData("""{"id":"C\u002d15"}""")]
    [InlineData("""{"id":"  "}""")]
    [InlineData("""{"id":""}""")]
    [InlineData("""{"id":16}""")]
    [InlineData("""{"id":"C-17","id":"C-18"}""")]
    [InlineData("""{"id":"C-19","colour":"red"}""")]
    [InlineData("""{"id":"C-20","case":{"age":30,"age":31}}""")]
    [InlineData("""{"id":"C-21","answers":{"2.4.1":"yes","2.4.1":"no"}}""")]
    [InlineData("""{"id":"C-22","answers":{"9.9.9":"yes"}}""")]
    [InlineData("""{"id":"C-23","answers":{"2.4.1":"maybe"}}""")]
    [InlineData("""{"id":"C-24","answers":{"2.4.1":true}}""")]
    [InlineData("""{"id":"C-25","case":{"requirements":["rar",]}}""")]
    [InlineData("""{"id":"C-26","case":{"requirements":["flying"]}}""")]
    [InlineData("""{"id":"C-27","case":{"rosh":"LOW"}}""")]
    [InlineData("""{"id":"C-28",}""")]
    [InlineData("""{"id":"C-29"} {"id":"C-30"}""")]
    [InlineData("""{"id":"C-31"}x""")]
    [InlineData("""{"id":"C-32""")]
    [InlineData("""{"id":"C-33","case":{"age":30}""")]
    [InlineData("""{"id":"C-34","inspection":5}""")]
    [InlineData("""{"id":"C-35","case":[]}""")]
    [InlineData("""{"id":"C-36","case":{"future":1}}""")]
    [InlineData("""{"id":"C-37","answers":{"2.4.1":"yes"},"answers":{"2.4.2":"no"}}""")]
    [InlineData("""{"inspection":"north"}""")]
    [InlineData("""{}""")]
    [InlineData("""[]""")]
    [InlineData("""{"id":"C-38","case":{"age":-}}""")]
    [InlineData("""{"id":"C-39","case":{"harm_indicators":null,"type":null,"requirements":null,"age":null}}""")]
    [InlineData("{\"id\":\"C-40\u0001\"}")]
    [InlineData("""{"id":"é-41","inspection":"Gwent ✓"}""")]
    public void Both_readings_agree(string line)
    {
        var outcome = Assert.Single(Outcome.ReadAll(line, CaseInputFormat.JsonLines));
        Assert.Equal(1, outcome.Line);
    }

    [Fact]
    public void A_plain_line_after_an_unusual_one_keeps_nothing_of_it()
    {
        var outcomes = Outcome.ReadAll(
            """{"id":"C-1","case":{"age":30,"rosh":"high"},"answers":{"2.4.1":"yes","2.4.1":"no"}}""" + "\n" + """{"id":"C-2","answers":{"2.4.2":"no"}}""",
            CaseInputFormat.JsonLines);
        Assert.True(outcomes[0].Rejected);
        Assert.Empty(outcomes[1].Fields);
        Assert.Equal("-", outcomes[1].Answer("2.4.1"));
        Assert.Equal("no", outcomes[1].Answer("2.4.2"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Both_readings_agree_whatever_the_order_and_choice_of_codes_and_fields(int seed)
    {
        // The plain reading expects each code (and field) to follow the one that followed it on
        // earlier lines; here they come in random subsets and orders, sometimes twice, sometimes spaced.
        var random = new Random(seed);
        string[] fields = ["\"type\":\"community\"", "\"rosh\":\"high\"", "\"age\":41", "\"harm_indicators\":true", "\"requirements\":[\"rar\"]", "\"age\" : 19", "\"colour\":1"];
        var codes = SampleSchema.Instance.Answers.Select(a => a.Code).ToArray();
        var lines = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var chosen = codes.Where(_ => random.Next(3) > 0).OrderBy(_ => random.Next(4)).ToList();
            if (random.Next(20) == 0 && chosen.Count > 0) chosen.Add(chosen[0]);
            var answers = chosen.Select(code =>
            {
                var options = SampleSchema.Instance.FindAnswer(code)!.Options.Names;
                var colon = random.Next(15) == 0 ? " : " : ":";
                var value = random.Next(12) == 0 ? "null" : $"\"{options[random.Next(options.Length)]}\"";
                return $"\"{code}\"{colon}{value}";
            });
            var caseFields = fields.Where(_ => random.Next(3) > 0).OrderBy(_ => random.Next(4));
            lines.Add($"{{\"id\":\"C-{i}\",\"case\":{{{string.Join(",", caseFields)}}},\"answers\":{{{string.Join(",", answers)}}}}}");
        }

        var outcomes = Outcome.ReadAll(string.Join("\n", lines), CaseInputFormat.JsonLines);
        Assert.Equal(400, outcomes.Count);
        Assert.Contains(outcomes, o => o.Rejected);
        Assert.Contains(outcomes, o => !o.Rejected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Both_readings_agree_on_randomly_damaged_lines(int seed)
    {
        // Good lines with one to three random changes: a byte removed, doubled or replaced, or
        // something JSON-like inserted; many stay plain, many do not.
        var random = new Random(seed);
        string[] inserts = [" ", "\t", ",", ":", "\"", "\\", "null", "true", "1", "-", ".5", "e3", "[", "]", "{", "}", "\"x\"", "\\u0041"];
        var lines = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            var line = new StringBuilder(Good.Replace("C-1", $"C-{i % 500}"));
            for (var change = random.Next(0, 4); change > 0; change--)
            {
                var at = random.Next(line.Length);
                switch (random.Next(4))
                {
                    case 0:
                        line.Remove(at, 1);
                        break;
                    case 1:
                        line.Insert(at, line[at]);
                        break;
                    case 2:
                        line[at] = (char)random.Next(0x20, 0x7f);
                        break;
                    default:
                        line.Insert(at, inserts[random.Next(inserts.Length)]);
                        break;
                }
            }

            lines.Add(line.ToString().Replace("\n", ""));
        }

        var outcomes = Outcome.ReadAll(string.Join("\n", lines), CaseInputFormat.JsonLines);
        Assert.Equal(600, outcomes.Count);
        Assert.Contains(outcomes, o => !o.Rejected);
        Assert.Contains(outcomes, o => o.Rejected);
    }
}
