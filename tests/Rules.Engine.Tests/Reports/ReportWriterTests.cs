using System.Text.Json;
using Rules.Engine.Reports;
using Rules.Testing;

namespace Rules.Engine.Tests.Reports;

public sealed class ReportWriterTests
{
    private static string Render(ReportFormat format) =>
        ReportWriters.Render(SampleReport.Create(), ReportScale.Standard, format);

    [Fact]
    public void Json() => Snapshot.Verify(Render(ReportFormat.Json));

    [Fact]
    public void Text() => Snapshot.Verify(Render(ReportFormat.Text));

    [Fact]
    public void Markdown() => Snapshot.Verify(Render(ReportFormat.Markdown));

    [Fact]
    public void Html() => Snapshot.Verify(Render(ReportFormat.Html));

    [Fact]
    public void Json_follows_the_contract_field_names_and_nulls()
    {
        using var document = JsonDocument.Parse(Render(ReportFormat.Json));
        var root = document.RootElement;
        Assert.Equal(["framework", "input", "inspections", "rejected", "warnings"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1539, root.GetProperty("input").GetProperty("read").GetInt64());
        var all = root.GetProperty("inspections")[0];
        Assert.Equal("*", all.GetProperty("inspection").GetString());
        var kq = all.GetProperty("keyQuestions")[0];
        Assert.Equal(53.3m, kq.GetProperty("percent").GetDecimal());
        Assert.Equal("requires_improvement", kq.GetProperty("level").GetString());
        var prompt = all.GetProperty("prompts")[0];
        Assert.Equal(["yes", "should", "noncompliance"], prompt.GetProperty("options").EnumerateObject().Select(p => p.Name));
        Assert.Equal("2.4.1", all.GetProperty("standards")[0].GetProperty("limitedBy").GetString());
        Assert.Equal(JsonValueKind.Null, all.GetProperty("standards")[2].GetProperty("level").ValueKind);
        Assert.Equal(JsonValueKind.Null, all.GetProperty("standards")[2].GetProperty("score").ValueKind);
        Assert.False(all.GetProperty("overall").TryGetProperty("missing", out _));

        var gwent = root.GetProperty("inspections")[2].GetProperty("overall");
        Assert.Equal(JsonValueKind.Null, gwent.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, gwent.GetProperty("level").ValueKind);
        Assert.Equal(["1.2"], gwent.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        var noCases = root.GetProperty("inspections")[2].GetProperty("keyQuestions")[2];
        Assert.Equal(JsonValueKind.Null, noCases.GetProperty("percent").ValueKind);

        var rejected = root.GetProperty("rejected")[1];
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("id").ValueKind);
        Assert.Equal(18, rejected.GetProperty("line").GetInt32());
        Assert.Equal("RL1001", rejected.GetProperty("errors")[0].GetProperty("id").GetString());
        var warning = root.GetProperty("warnings")[0];
        Assert.Equal(["id", "case", "line", "message"], warning.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Json_always_writes_one_decimal_for_percentages()
    {
        var json = Render(ReportFormat.Json);
        Assert.Contains("\"percent\": 100.0", json);
        Assert.Contains("\"percent\": 0.0", json);
    }

    [Fact]
    public void Html_is_self_contained()
    {
        var html = Render(ReportFormat.Html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<excerpt>", html);
        Assert.Contains("&lt;excerpt&gt;", html);
        foreach (var bound in new[] { "50%", "65%", "80%" }) Assert.Contains($">{bound}</text>", html);
    }

    [Fact]
    public void The_html_chart_colours_bars_by_level()
    {
        var html = Render(ReportFormat.Html);
        Assert.Contains($"fill=\"{ReportScale.Standard.ColorOf("outstanding")}\"", html);
        Assert.Contains($"fill=\"{ReportScale.Standard.ColorOf("requires_improvement")}\"", html);
        Assert.NotEqual(ReportScale.Standard.ColorOf("good"), ReportScale.Standard.ColorOf("inadequate"));
    }

    [Fact]
    public void Long_problem_lists_are_cut_with_a_count_in_human_formats()
    {
        var report = SampleReport.Create() with
        {
            Warnings = [.. Enumerable.Range(1, 250).Select(i => new CaseWarning("RL1101", $"C-{i}", i, "signal"))],
        };
        var text = ReportWriters.Render(report, ReportScale.Standard, ReportFormat.Text);
        Assert.Contains("… and 50 more", text);
        var json = ReportWriters.Render(report, ReportScale.Standard, ReportFormat.Json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(250, document.RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Theory]
    [InlineData("text", ReportFormat.Text)]
    [InlineData("JSON", ReportFormat.Json)]
    [InlineData("md", ReportFormat.Markdown)]
    [InlineData("html", ReportFormat.Html)]
    public void Formats_are_parsed_by_name(string name, ReportFormat format)
    {
        Assert.Equal(format, ReportWriters.Parse(name));
        Assert.Equal(format, ReportWriters.For(format).Format);
    }
}
