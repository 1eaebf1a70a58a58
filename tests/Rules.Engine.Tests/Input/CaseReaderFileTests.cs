using Rules.Engine.Input;

namespace Rules.Engine.Tests.Input;

public sealed class CaseReaderFileTests
{
    [Fact]
    public void A_file_is_opened_in_the_format_of_its_extension()
    {
        var directory = Directory.CreateTempSubdirectory("rules-engine-");
        try
        {
            var jsonl = Path.Combine(directory.FullName, "cases.JSONL");
            File.WriteAllText(jsonl, "{\"id\":\"A\"}\n\n{\"id\":\"B\"}\n");
            using (var reader = CaseReader.OpenFile(jsonl, SampleSchema.Instance))
            {
                Assert.IsType<JsonLinesCaseReader>(reader);
                while (reader.MoveNext()) { }
                Assert.Equal(2, reader.RecordsRead);
                Assert.Equal(new FileInfo(jsonl).Length, reader.BytesRead);
            }

            var csv = Path.Combine(directory.FullName, "cases.csv");
            File.WriteAllText(csv, "id\nA\n");
            using (var reader = CaseReader.OpenFile(csv, SampleSchema.Instance))
            {
                Assert.IsType<CsvCaseReader>(reader);
            }

            Assert.Throws<ArgumentException>(() => CaseReader.OpenFile(Path.Combine(directory.FullName, "cases.txt"), SampleSchema.Instance));
            Assert.Throws<FileNotFoundException>(() => CaseReader.OpenFile(Path.Combine(directory.FullName, "missing.csv"), SampleSchema.Instance));
            Assert.Null(CaseReader.FormatOf("x.xlsx"));
            Assert.Equal(CaseInputFormat.JsonLines, CaseReader.FormatOf("x.ndjson"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
