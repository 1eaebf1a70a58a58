using System.Globalization;
using System.Text;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Framework;

/// <summary>
/// The groups a case is counted in (found through lookup tables for enum values, whole numbers
/// and sets) are exactly the groups that contain it, for number ranges with gaps and without,
/// fractions, negative numbers, numbers past the tables, missing values and sets.
/// (Overlapping ranges are a compile error, RL0304; the engine still handles them without a table.)
/// </summary>
public sealed class BreakdownGroupTests
{
    private const string Breakdowns = """

        breakdown gaps "Ages with gaps" by case.age {
          "young" : 18 to 24
          "mid"   : 30 to 40
          "old"   : from 256
        }

        breakdown disjoint "Disjoint ages" by case.age {
          "first"  : 0 to 6
          "second" : 7 to 300
          "third"  : from 301
        }

        breakdown risk "Risk" by case.rosh {
          "Low"  : low
          "High" : high, very_high
        }

        breakdown harm "Harm" by case.harm_indicators {
          "Yes" : true
          "No"  : false
        }

        breakdown requirements "Requirements" by case.requirements {
          "Unpaid work or RAR" : unpaid_work, rar
          "Programme"          : accredited_programme
        }
        """;

    [Fact]
    public void A_case_is_counted_in_exactly_the_groups_that_contain_it()
    {
        var framework = CompiledFramework.Create(SpecExample.Compile(SpecExample.Source + Breakdowns));
        double[] ages = [-1, 0, 6, 6.5, 7, 17.9, 18, 25, 30, 30.5, 40, 41, 254, 255, 255.5, 256, 300, 301, 1e9];
        string[] sets = ["[]", "[\"rar\"]", "[\"unpaid_work\",\"rar\"]", "[\"accredited_programme\",\"unpaid_work\"]"];
        var lines = new List<string>();
        var i = 0;
        foreach (var age in ages)
        {
            foreach (var set in sets)
            {
                var rosh = new[] { "low", "medium", "high", "very_high" }[i % 4];
                var harm = (i % 3) switch { 0 => "true", 1 => "false", _ => "null" };
                lines.Add($"{{\"id\":\"C-{i++}\",\"case\":{{\"age\":{age.ToString(CultureInfo.InvariantCulture)},\"rosh\":\"{rosh}\",\"harm_indicators\":{harm},\"requirements\":{set}}}}}");
            }
        }

        lines.Add("{\"id\":\"C-none\",\"case\":{}}");
        lines.Add("{\"id\":\"C-minus-zero\",\"case\":{\"age\":-0,\"harm_indicators\":false}}");
        lines.Add("{\"id\":\"C-nulls\",\"case\":{\"age\":null,\"rosh\":null,\"harm_indicators\":null,\"requirements\":null}}");
        using var reader = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))), CaseInputFormat.JsonLines, framework.Schema);
        var buffer = new int[framework.Layout.BreakdownGroups];
        var evaluator = new CaseEvaluator(framework);
        var evaluatorBuffer = new int[framework.Layout.BreakdownGroups + 1];
        var checkedCases = 0;
        while (reader.MoveNext())
        {
            var record = reader.Current;
            Assert.DoesNotContain(record.Problems, p => p.Severity == ProblemSeverity.Rejection);
            var all = new List<int>();
            foreach (var breakdown in framework.Breakdowns)
            {
                var count = breakdown.AddGroupsOf(record, buffer, 0);
                var expected = Enumerable.Range(0, breakdown.GroupCount).Where(g => breakdown.Contains(record, g)).Select(g => breakdown.FirstGroup + g);
                Assert.Equal(expected, buffer.Take(count));
                all.AddRange(expected);
            }

            // The evaluator's groups (tables for whole values, without branches) are the same.
            var found = evaluator.GroupsOf(record, evaluatorBuffer);
            Assert.True(all.Order().SequenceEqual(evaluatorBuffer.Take(found).Order()), $"case {record.Id}: expected {string.Join(",", all)}, found {string.Join(",", evaluatorBuffer.Take(found))}");

            checkedCases++;
        }

        Assert.Equal(lines.Count, checkedCases);
    }
}
