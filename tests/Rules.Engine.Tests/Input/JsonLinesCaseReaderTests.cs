using System.Text;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Input;

public sealed class JsonLinesCaseReaderTests
{
    private const string Good = """{"id":"C-0001","inspection":"gwent-2022","case":{"type":"post_release","rosh":"medium","age":34,"harm_indicators":true,"requirements":["rar"]},"answers":{"2.4.1":"yes","2.4.1.a":"yes","2.4.1.b":"no","2.4.1.c":"none","2.4.2":"yes","2.4.3":"no","2.4.3.a":"no"}}""";

    private static List<Outcome> Read(string text, CaseReaderOptions? options = null) =>
        Outcome.ReadAll(text, CaseInputFormat.JsonLines, options);

    [Fact]
    public void Reads_the_contract_example()
    {
        var outcome = Assert.Single(Read(Good));
        Assert.Equal("C-0001", outcome.Id);
        Assert.Equal("gwent-2022", outcome.Inspection);
        Assert.Equal(1, outcome.Line);
        Assert.False(outcome.Rejected);
        Assert.Empty(outcome.Problems);
        Assert.Equal(["type=post_release", "rosh=medium", "age=34", "harm_indicators=true", "requirements={rar}"], outcome.Fields);
        Assert.Equal("yes", outcome.Answer("2.4.1"));
        Assert.Equal("none", outcome.Answer("2.4.1.c"));
        Assert.Equal("-", outcome.Answer("2.4.1.d"));
        Assert.Equal("no", outcome.Answer("2.4.3.a"));
    }

    [Fact]
    public void Null_values_and_missing_parts_mean_no_value()
    {
        var outcome = Assert.Single(Read("""{"id":"C1","inspection":null,"case":{"rosh":null,"age":null,"requirements":[]},"answers":{"2.4.1":null}}"""));
        Assert.False(outcome.Rejected);
        Assert.Equal("", outcome.Inspection);
        Assert.Equal(["requirements={}"], outcome.Fields);
        Assert.Equal("-", outcome.Answer("2.4.1"));
    }

    [Fact]
    public void Values_do_not_leak_from_one_record_into_the_next()
    {
        var outcomes = Read(Good + "\n" + """{"id":"C2"}""");
        Assert.Empty(outcomes[1].Fields);
        Assert.All(outcomes[1].Answers, a => Assert.Equal(CaseRecord.NoAnswer, a));
        Assert.Equal("", outcomes[1].Inspection);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_lines_keep_their_numbers()
    {
        var outcomes = Read("\n" + Good + "\n   \n\t\n" + Good.Replace("C-0001", "C-0002") + "\n\n");
        Assert.Equal([2, 5], outcomes.Select(o => o.Line));
        Assert.All(outcomes, o => Assert.Empty(o.Problems));
    }

    [Fact]
    public void CRLF_line_ends_and_a_byte_order_mark_are_accepted()
    {
        var text = Good + "\r\n\r\n" + Good.Replace("C-0001", "C-0002") + "\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var outcomes = Outcome.ReadAll(bytes, CaseInputFormat.JsonLines);
        Assert.Equal([("C-0001", 1), ("C-0002", 3)], outcomes.Select(o => (o.Id, o.Line)));
        Assert.All(outcomes, o => Assert.Empty(o.Problems));
    }

    [Fact]
    public void A_truncated_line_is_unreadable_and_names_the_case_when_it_can()
    {
        var outcomes = Read(Good + "\n" + Good[..60].Replace("C-0001", "C-0002") + "\n" + Good.Replace("C-0001", "C-0003"));
        Assert.Equal(3, outcomes.Count);
        var problem = outcomes[1].Single();
        Assert.Equal(ProblemIds.Unreadable, problem.Id);
        Assert.Equal(2, problem.Line);
        Assert.Equal("C-0002", problem.CaseId);
        Assert.StartsWith("Case \"C-0002\" on line 2: the line is not valid JSON", problem.Message);
        Assert.False(outcomes[2].Rejected);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("42")]
    [InlineData("\"C-1\"")]
    [InlineData("null")]
    [InlineData("{\"id\": \"C-1\"} {\"id\": \"C-2\"}")]
    [InlineData("{\"id\": \"C-1\",}")]
    [InlineData("{'id': 'C-1'}")]
    [InlineData("{\"id\": \"C-1\" /* comment */}")]
    public void A_line_that_is_not_one_JSON_object_is_unreadable(string line)
    {
        var outcome = Assert.Single(Read(line));
        Assert.True(outcome.Rejected);
        Assert.Contains(outcome.Problems, p => p.Id == ProblemIds.Unreadable && p.Line == 1);
    }

    [Theory]
    [InlineData("""{"case":{"type":"community"}}""")]
    [InlineData("""{"id":null}""")]
    [InlineData("""{"id":""}""")]
    [InlineData("""{"id":"  "}""")]
    [InlineData("""{"id":{"x":1}}""")]
    [InlineData("""{"id":true}""")]
    public void A_case_without_a_usable_id_is_unreadable(string line)
    {
        var outcome = Assert.Single(Read(line));
        var problem = outcome.Single();
        Assert.Equal(ProblemIds.Unreadable, problem.Id);
        Assert.Equal(1, problem.Line);
        Assert.Null(outcome.Id);
        Assert.StartsWith("Line 1: ", problem.Message);
    }

    [Fact]
    public void A_number_id_is_kept_as_written()
    {
        Assert.Equal("1017", Assert.Single(Read("""{"id":1017}""")).Id);
    }

    [Fact]
    public void An_answer_for_an_unknown_code_is_rejected_naming_the_code_and_value()
    {
        var problem = Assert.Single(Read("""{"id":"C-9","answers":{"2.4.9":"yes","2.4.1":"yes"}}""")).Single();
        Assert.Equal(ProblemIds.UnknownCode, problem.Id);
        Assert.Equal("2.4.9", problem.Subject);
        Assert.Equal("\"yes\"", problem.Value);
        Assert.Equal("C-9", problem.CaseId);
        Assert.Equal("Case \"C-9\" on line 1: there is an answer (\"yes\") for \"2.4.9\", which is not a key question or prompt of this framework.", problem.Message);
    }

    [Fact]
    public void An_answer_that_is_not_an_option_is_rejected_with_the_options()
    {
        var problem = Assert.Single(Read("""{"answers":{"2.4.1.a":"maybe"},"id":"C-7"}""")).Single();
        Assert.Equal(ProblemIds.InvalidValue, problem.Id);
        Assert.Equal("2.4.1.a", problem.Subject);
        Assert.Equal("maybe", problem.Value);
        Assert.Equal("Case \"C-7\" on line 1: the answer to 2.4.1.a is \"maybe\", which is not one of its options (yes, should, noncompliance).", problem.Message);
    }

    [Theory]
    [InlineData("""{"id":"C-7","answers":{"2.4.1.a":"yse"}}""", "the answer to 2.4.1.a is \"yse\", which is not one of its options (yes, should, noncompliance). Did you mean \"yes\"?")]
    [InlineData("""{"id":"C-7","case":{"rosh":"hihg"}}""", "the case field \"rosh\" is \"hihg\", which is not one of its options (low, medium, high, very_high). Did you mean \"high\"?")]
    public void A_value_near_an_option_is_rejected_with_the_option_it_was_likely_meant_to_be(string line, string message)
    {
        var problem = Assert.Single(Read(line)).Single();
        Assert.Equal(ProblemIds.InvalidValue, problem.Id);
        Assert.Equal("Case \"C-7\" on line 1: " + message, problem.Message);
    }

    [Theory]
    [InlineData("""{"id":"C","case":{"age":"thirty"}}""", "case.age", "\"thirty\"")]
    [InlineData("""{"id":"C","case":{"age":true}}""", "case.age", "true")]
    [InlineData("""{"id":"C","case":{"harm_indicators":"yes"}}""", "case.harm_indicators", "\"yes\"")]
    [InlineData("""{"id":"C","case":{"harm_indicators":1}}""", "case.harm_indicators", "1")]
    [InlineData("""{"id":"C","case":{"rosh":3}}""", "case.rosh", "3")]
    [InlineData("""{"id":"C","case":{"rosh":"extreme"}}""", "case.rosh", "extreme")]
    [InlineData("""{"id":"C","case":{"type":["community"]}}""", "case.type", "a list")]
    [InlineData("""{"id":"C","case":{"requirements":"rar"}}""", "case.requirements", "\"rar\"")]
    [InlineData("""{"id":"C","case":{"requirements":["rar","curfew"]}}""", "case.requirements", "curfew")]
    [InlineData("""{"id":"C","case":{"requirements":[1]}}""", "case.requirements", "1")]
    [InlineData("""{"id":"C","answers":{"2.4.1":true}}""", "2.4.1", "true")]
    [InlineData("""{"id":"C","answers":{"2.4.1":{"x":"yes"}}}""", "2.4.1", "an object")]
    [InlineData("""{"id":"C","answers":{"2.4.1":"Yes"}}""", "2.4.1", "Yes")]
    [InlineData("""{"id":"C","answers":["2.4.1"]}""", "answers", "a list")]
    [InlineData("""{"id":"C","case":"community"}""", "case", "\"community\"")]
    [InlineData("""{"id":"C","inspection":7}""", "inspection", "7")]
    public void A_value_of_the_wrong_type_or_not_an_option_is_rejected(string line, string subject, string value)
    {
        var problem = Assert.Single(Read(line)).Single();
        Assert.Equal(ProblemIds.InvalidValue, problem.Id);
        Assert.Equal(subject, problem.Subject);
        Assert.Equal(value, problem.Value);
        Assert.Equal(1, problem.Line);
        Assert.Equal("C", problem.CaseId);
        Assert.Contains(value, problem.Message);
    }

    [Fact]
    public void Messages_for_wrong_types_read_as_sentences()
    {
        var problems = Read("""
            {"id":"C-1","case":{"age":"thirty"}}
            {"id":"C-2","case":{"rosh":"extreme"}}
            {"id":"C-3","case":{"requirements":["rar","curfew"]}}
            """).Select(o => o.Single().Message);
        Assert.Equal(
        [
            "Case \"C-1\" on line 1: the case field \"age\" must be a number, but it is \"thirty\".",
            "Case \"C-2\" on line 2: the case field \"rosh\" is \"extreme\", which is not one of its options (low, medium, high, very_high).",
            "Case \"C-3\" on line 3: the case field \"requirements\" is \"curfew\", which is not one of its options (unpaid_work, rar, accredited_programme).",
        ], problems);
    }

    [Fact]
    public void An_unknown_case_field_is_a_warning_and_the_case_is_still_read()
    {
        var outcome = Assert.Single(Read("""{"id":"C-5","case":{"colour":"blue","rosh":"low","extra":{"a":[1,2]}},"answers":{"2.4.1":"no"}}"""));
        Assert.False(outcome.Rejected);
        Assert.Equal(["rosh=low"], outcome.Fields);
        Assert.Equal("no", outcome.Answer("2.4.1"));
        Assert.Equal(2, outcome.Problems.Length);
        var first = outcome.Problems[0];
        Assert.Equal(ProblemIds.UnknownField, first.Id);
        Assert.Equal(ProblemSeverity.Warning, first.Severity);
        Assert.Equal("case.colour", first.Subject);
        Assert.Equal("Case \"C-5\" on line 1: the case field \"colour\" is not declared by this framework, so its value \"blue\" was ignored.", first.Message);
        Assert.Equal("case.extra", outcome.Problems[1].Subject);
    }

    [Fact]
    public void Unknown_top_level_properties_are_ignored()
    {
        var outcome = Assert.Single(Read("""{"id":"C-5","note":{"by":"inspector"},"tags":[1,2]}"""));
        Assert.Empty(outcome.Problems);
    }

    [Theory]
    [InlineData("""{"id":"C","id":"D"}""", "id")]
    [InlineData("""{"id":"C","case":{"rosh":"low","rosh":"high"}}""", "case.rosh")]
    [InlineData("""{"id":"C","answers":{"2.4.1":"yes","2.4.1":"no"}}""", "2.4.1")]
    [InlineData("""{"id":"C","answers":{},"answers":{}}""", "answers")]
    public void A_property_given_twice_is_unreadable(string line, string subject)
    {
        var problem = Assert.Single(Read(line)).Single();
        Assert.Equal(ProblemIds.Unreadable, problem.Id);
        Assert.Equal(subject, problem.Subject);
    }

    [Fact]
    public void A_repeated_id_is_rejected_naming_the_first_line()
    {
        var outcomes = Read(Good + "\n" + Good.Replace("C-0001", "C-0002") + "\n\n" + Good);
        Assert.Equal(3, outcomes.Count);
        Assert.False(outcomes[0].Rejected);
        Assert.False(outcomes[1].Rejected);
        var problem = outcomes[2].Single();
        Assert.Equal(ProblemIds.DuplicateId, problem.Id);
        Assert.Equal(4, problem.Line);
        Assert.Equal("Case \"C-0001\" on line 4: the id repeats the id of the case on line 1.", problem.Message);
    }

    [Fact]
    public void A_rejected_case_still_claims_its_id()
    {
        var outcomes = Read("""
            {"id":"C-1","answers":{"2.4.1":"maybe"}}
            {"id":"C-1"}
            """);
        Assert.Equal(ProblemIds.DuplicateId, outcomes[1].Single().Id);
    }

    [Fact]
    public void A_huge_line_is_rejected_without_being_buffered_and_reading_goes_on()
    {
        var huge = """{"id":"C-big","case":{"rosh":"low"},"pad":" """ + new string('x', 3_000_000) + "\"}";
        var outcomes = Read(Good + "\n" + huge + "\n" + Good.Replace("C-0001", "C-0003") + "\n");
        Assert.Equal(3, outcomes.Count);
        var problem = outcomes[1].Single();
        Assert.Equal(ProblemIds.Unreadable, problem.Id);
        Assert.Equal(2, problem.Line);
        Assert.Equal("Line 2: the line is longer than the limit of 1,048,576 bytes, so it was not read.", problem.Message);
        Assert.Equal(("C-0003", 3, false), (outcomes[2].Id, outcomes[2].Line, outcomes[2].Rejected));
    }

    [Fact]
    public void The_line_limit_is_configurable_and_exact()
    {
        var options = new CaseReaderOptions(MaxLineBytes: 20);
        var exactly = """{"id":"C-1234567890"}""";
        Assert.Equal(21, exactly.Length);
        var outcomes = Read(exactly[..^3] + "\"}\r\n" + exactly + "\n" + exactly, options);
        Assert.Equal([false, true, true], outcomes.Select(o => o.Rejected));
        Assert.Equal([1, 2, 3], outcomes.Select(o => o.Line));
    }

    [Fact]
    public void Invalid_UTF8_is_unreadable()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"id\":\"C-1\",\"case\":{\"rosh\":\"low\"}}\n{\"id\":\"C-2\",\"inspection\":\"")
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\"}\n{\"id\":\"C-3\"}\n"))
            .ToArray();
        var outcomes = Outcome.ReadAll(bytes, CaseInputFormat.JsonLines);
        Assert.Equal(3, outcomes.Count);
        var problem = outcomes[1].Single();
        Assert.Equal(ProblemIds.Unreadable, problem.Id);
        Assert.Equal(2, problem.Line);
        Assert.Equal("Line 2: the line is not valid UTF-8 text (byte 27 cannot be decoded); save the file as UTF-8.", problem.Message);
        Assert.False(outcomes[2].Rejected);
    }

    [Fact]
    public void Escaped_names_and_values_are_unescaped_before_lookup()
    {
        var outcome = Assert.Single(Read("""{"\u0069d":"C\u002d1","case":{"ros\u0068":"very\u005fhigh"},"answers":{"2.4.1.\u0061":"noncompliance"}}"""));
        Assert.Empty(outcome.Problems);
        Assert.Equal("C-1", outcome.Id);
        Assert.Equal(["rosh=very_high"], outcome.Fields);
        Assert.Equal("noncompliance", outcome.Answer("2.4.1.a"));
    }

    [Fact]
    public void Every_problem_of_a_line_is_reported()
    {
        var outcome = Assert.Single(Read("""{"id":"C-1","case":{"rosh":"x","age":"y","colour":1},"answers":{"9.9.9":"yes","2.4.1":"maybe"}}"""));
        Assert.Equal(["RL1003", "RL1003", "RL1103", "RL1002", "RL1003"], outcome.Problems.Select(p => p.Id));
    }

    [Fact]
    public void Inspection_names_are_shared_between_records()
    {
        using var reader = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(Good + "\n" + Good.Replace("C-0001", "C-2"))), CaseInputFormat.JsonLines, SampleSchema.Instance);
        Assert.True(reader.MoveNext());
        var first = reader.Current.Inspection;
        Assert.True(reader.MoveNext());
        Assert.Same(first, reader.Current.Inspection);
        Assert.False(reader.MoveNext());
        Assert.Equal(2, reader.RecordsRead);
    }
}
