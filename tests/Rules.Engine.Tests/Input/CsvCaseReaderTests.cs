using System.Text;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Input;

public sealed class CsvCaseReaderTests
{
    private const string Header = "id,inspection,case.type,case.rosh,case.age,case.harm_indicators,case.requirements,2.4.1,2.4.1.a,2.4.1.b,2.4.1.c,2.4.1.d,2.4.2,2.4.3,2.4.3.a";
    private const string Row = "C-0001,gwent-2022,post_release,medium,34,true,rar;unpaid_work,yes,yes,no,none,,yes,no,no";

    private static List<Outcome> Read(string text, CaseReaderOptions? options = null) =>
        Outcome.ReadAll(text, CaseInputFormat.Csv, options);

    [Fact]
    public void Reads_a_row_against_the_header()
    {
        var outcome = Assert.Single(Read(Header + "\n" + Row + "\n"));
        Assert.Empty(outcome.Problems);
        Assert.Equal(("C-0001", "gwent-2022", 2), (outcome.Id, outcome.Inspection, outcome.Line));
        Assert.Equal(["type=post_release", "rosh=medium", "age=34", "harm_indicators=true", "requirements={unpaid_work,rar}"], outcome.Fields);
        Assert.Equal("none", outcome.Answer("2.4.1.c"));
        Assert.Equal("-", outcome.Answer("2.4.1.d"));
        Assert.Equal("no", outcome.Answer("2.4.3.a"));
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_empty_cells_are_no_value()
    {
        var outcome = Assert.Single(Read("2.4.1, case.age ,ID,case.requirements\n  yes , ,C-1,\n"));
        Assert.Empty(outcome.Problems);
        Assert.Equal("C-1", outcome.Id);
        Assert.Equal("", outcome.Inspection);
        Assert.Empty(outcome.Fields);
        Assert.Equal("yes", outcome.Answer("2.4.1"));
    }

    [Fact]
    public void Quoted_cells_unescape_doubled_quotes_and_may_span_lines()
    {
        var outcomes = Read("id,inspection,case.age\n\"C \"\"1\"\"\",\"north,\nwest\",\"2.5\"\nC-2,x,3\n");
        Assert.Equal(2, outcomes.Count);
        Assert.Equal(("C \"1\"", "north,\nwest", 2), (outcomes[0].Id, outcomes[0].Inspection, outcomes[0].Line));
        Assert.Equal(["age=2.5"], outcomes[0].Fields);
        Assert.Equal(("C-2", 4), (outcomes[1].Id, outcomes[1].Line));
        Assert.All(outcomes, o => Assert.Empty(o.Problems));
    }

    [Fact]
    public void Blank_lines_CRLF_and_a_byte_order_mark_are_accepted()
    {
        var text = "\r\nid,case.rosh\r\n\r\nC-1,low\r\n  \r\nC-2,high\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var outcomes = Outcome.ReadAll(bytes, CaseInputFormat.Csv);
        Assert.Equal([("C-1", 4), ("C-2", 6)], outcomes.Select(o => (o.Id, o.Line)));
        Assert.Equal(["rosh=high"], outcomes[1].Fields);
        Assert.All(outcomes, o => Assert.Empty(o.Problems));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_unreadable_and_names_the_case()
    {
        var outcomes = Read("id,case.rosh,2.4.1\nC-1,low\nC-2,low,yes,extra\nC-3,low,yes\n");
        Assert.Equal(3, outcomes.Count);
        var short_ = outcomes[0].Single();
        Assert.Equal((ProblemIds.Unreadable, 2, "C-1"), (short_.Id, short_.Line, short_.CaseId));
        Assert.Equal("Case \"C-1\" on line 2: the row has 2 values but the header has 3 columns.", short_.Message);
        Assert.Equal((ProblemIds.Unreadable, 3), (outcomes[1].Single().Id, outcomes[1].Single().Line));
        Assert.Empty(outcomes[2].Problems);
    }

    [Fact]
    public void An_answer_in_a_column_the_framework_does_not_have_is_rejected()
    {
        var outcomes = Read("id,2.4.9,2.4.1\nC-1,yes,no\nC-2,,no\n");
        var problem = outcomes[0].Single();
        Assert.Equal((ProblemIds.UnknownCode, 2, "2.4.9", "yes"), (problem.Id, problem.Line, problem.Subject, problem.Value));
        Assert.Equal("Case \"C-1\" on line 2: there is an answer (\"yes\") for \"2.4.9\" (column 2), which is not a key question or prompt of this framework.", problem.Message);
        Assert.Empty(outcomes[1].Problems);
    }

    [Fact]
    public void A_case_field_the_framework_does_not_declare_is_a_warning()
    {
        var outcomes = Read("id,case.colour,case.rosh\nC-1,blue,low\nC-2,,low\n");
        var problem = outcomes[0].Single();
        Assert.Equal((ProblemIds.UnknownField, ProblemSeverity.Warning, 2, "case.colour"), (problem.Id, problem.Severity, problem.Line, problem.Subject));
        Assert.False(outcomes[0].Rejected);
        Assert.Equal(["rosh=low"], outcomes[0].Fields);
        Assert.Empty(outcomes[1].Problems);
    }

    [Theory]
    [InlineData("case.age", "thirty", "Case \"C\" on line 2: the case field \"age\" must be a number, but it is \"thirty\".")]
    [InlineData("case.age", "3,5", null)]
    [InlineData("case.harm_indicators", "yes", "Case \"C\" on line 2: the case field \"harm_indicators\" must be true or false, but it is \"yes\".")]
    [InlineData("case.rosh", "extreme", "Case \"C\" on line 2: the case field \"rosh\" is \"extreme\", which is not one of its options (low, medium, high, very_high).")]
    [InlineData("case.requirements", "rar;curfew", "Case \"C\" on line 2: the case field \"requirements\" lists \"curfew\", which is not one of its options (unpaid_work, rar, accredited_programme).")]
    [InlineData("2.4.1.c", "maybe", "Case \"C\" on line 2: the answer to 2.4.1.c is \"maybe\", which is not one of its options (yes, should, none).")]
    [InlineData("2.4.1.c", "yse", "Case \"C\" on line 2: the answer to 2.4.1.c is \"yse\", which is not one of its options (yes, should, none). Did you mean \"yes\"?")]
    [InlineData("case.rosh", "meduim", "Case \"C\" on line 2: the case field \"rosh\" is \"meduim\", which is not one of its options (low, medium, high, very_high). Did you mean \"medium\"?")]
    [InlineData("case.requirements", "rar;unpaid-work", "Case \"C\" on line 2: the case field \"requirements\" lists \"unpaid-work\", which is not one of its options (unpaid_work, rar, accredited_programme). Did you mean \"unpaid_work\"?")]
    public void A_value_of_the_wrong_type_or_not_an_option_is_rejected(string column, string value, string? message)
    {
        var outcome = Assert.Single(Read($"id,{column}\nC,\"{value}\"\n"));
        var problem = outcome.Single();
        if (message is null)
        {
            Assert.Equal(ProblemIds.InvalidValue, problem.Id);
            return;
        }

        Assert.Equal((ProblemIds.InvalidValue, 2, "C"), (problem.Id, problem.Line, problem.CaseId));
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Booleans_and_sets_are_read_leniently_where_it_is_unambiguous()
    {
        var outcome = Assert.Single(Read("id,case.harm_indicators,case.requirements\nC,FALSE, rar ; ;accredited_programme;\n"));
        Assert.Empty(outcome.Problems);
        Assert.Equal(["harm_indicators=false", "requirements={rar,accredited_programme}"], outcome.Fields);
    }

    [Fact]
    public void A_repeated_id_is_rejected_naming_the_first_line()
    {
        var outcomes = Read("id\nC-1\nC-2\nC-1\n");
        var problem = outcomes[2].Single();
        Assert.Equal((ProblemIds.DuplicateId, 4), (problem.Id, problem.Line));
        Assert.Equal("Case \"C-1\" on line 4: the id repeats the id of the case on line 2.", problem.Message);
    }

    [Theory]
    [InlineData("id,case.rosh\n,low\n")]
    [InlineData("id,case.rosh\n\"\",low\n")]
    [InlineData("id,case.rosh\n  ,low\n")]
    [InlineData("id,case.rosh\n,\n")]
    public void A_row_without_an_id_is_unreadable(string text)
    {
        var problem = Assert.Single(Read(text)).Single();
        Assert.Equal((ProblemIds.Unreadable, 2, null), (problem.Id, problem.Line, problem.CaseId));
        Assert.Equal("Line 2: the row has no id; every case needs a unique id.", problem.Message);
    }

    [Fact]
    public void Without_an_id_column_every_row_is_rejected_and_counted()
    {
        var outcomes = Read("inspection,case.rosh\nx,low\ny,high\n");
        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(ProblemIds.Unreadable, o.Single().Id));
        Assert.Equal("Line 3: the header row on line 1 has no \"id\" column, so no case can be identified.", outcomes[1].Single().Message);
    }

    [Fact]
    public void A_header_naming_a_column_twice_rejects_every_row()
    {
        var outcomes = Read("id,2.4.1,2.4.1\nC-1,yes,no\n");
        Assert.Equal("Line 2: the header row on line 1 names \"2.4.1\" twice (columns 2 and 3), so no row can be read.", Assert.Single(outcomes).Single().Message);
    }

    [Fact]
    public void An_unnamed_column_with_a_value_is_rejected()
    {
        var outcomes = Read("id,2.4.1,\nC-1,yes,\nC-2,yes,oops\n");
        Assert.Empty(outcomes[0].Problems);
        var problem = outcomes[1].Single();
        Assert.Equal((ProblemIds.UnknownCode, "column 3"), (problem.Id, problem.Subject));
    }

    [Theory]
    [InlineData("id,case.rosh\nC-1,\"low\n", "a quoted value in column 2 has no closing quote")]
    [InlineData("id,case.rosh\nC-1,\"low\"x\n", "column 2 has text after its closing quote")]
    [InlineData("id,case.rosh\nC-1,lo\"w\"\n", "column 2 has a quote inside an unquoted value")]
    public void Broken_quoting_is_unreadable(string text, string reason)
    {
        var problem = Assert.Single(Read(text)).Single();
        Assert.Equal((ProblemIds.Unreadable, 2, "C-1"), (problem.Id, problem.Line, problem.CaseId));
        Assert.Contains(reason, problem.Message);
    }

    [Fact]
    public void A_huge_row_is_rejected_and_reading_goes_on()
    {
        var outcomes = Read("id,case.rosh\nC-1,low\nC-2," + new string('x', 2_000_000) + "\nC-3,high\n");
        Assert.Equal(3, outcomes.Count);
        var problem = outcomes[1].Single();
        Assert.Equal((ProblemIds.Unreadable, 3), (problem.Id, problem.Line));
        Assert.Equal(("C-3", 4, false), (outcomes[2].Id, outcomes[2].Line, outcomes[2].Rejected));
    }

    [Fact]
    public void A_huge_unterminated_quote_is_rejected_and_the_next_physical_line_is_read()
    {
        var options = new CaseReaderOptions(MaxLineBytes: 100);
        var outcomes = Read("id,case.rosh\nC-1,\"" + new string('x', 150) + "\nC-2,low\nC-3,high\n", options);
        Assert.Equal([(2, true), (3, false), (4, false)], outcomes.Select(o => (o.Line, o.Rejected)));
    }

    [Fact]
    public void A_huge_header_rejects_every_row()
    {
        var options = new CaseReaderOptions(MaxLineBytes: 50);
        var outcomes = Read("id," + new string('x', 80) + "\nC-1,low\n", options);
        var problem = Assert.Single(outcomes).Single();
        Assert.Equal((ProblemIds.Unreadable, 2), (problem.Id, problem.Line));
        Assert.Contains("header row on line 1 is longer than the limit", problem.Message);
    }

    [Fact]
    public void Invalid_UTF8_is_unreadable()
    {
        var bytes = Encoding.UTF8.GetBytes("id,case.rosh\nC-1,low\nC-2,")
            .Concat(new byte[] { 0xFF, 0xFE })
            .Concat(Encoding.UTF8.GetBytes("\nC-3,low\n"))
            .ToArray();
        var outcomes = Outcome.ReadAll(bytes, CaseInputFormat.Csv);
        Assert.Equal(3, outcomes.Count);
        var problem = outcomes[1].Single();
        Assert.Equal((ProblemIds.Unreadable, 3), (problem.Id, problem.Line));
        Assert.Equal("Line 3: the row is not valid UTF-8 text (byte 5 cannot be decoded); save the file as UTF-8.", problem.Message);
    }

    [Fact]
    public void A_file_with_only_a_header_or_nothing_has_no_records()
    {
        Assert.Empty(Read(""));
        Assert.Empty(Read("\n\n"));
        Assert.Empty(Read(Header));
    }
}
