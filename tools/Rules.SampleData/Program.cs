using System.Diagnostics;
using System.Globalization;
using Rules.SampleData;

// dotnet run --project tools/Rules.SampleData -- rules/probation-2021 --output rules/probation-2021/samples [--cases N] [--seed S]

const string Usage = "usage: Rules.SampleData FRAMEWORK_FOLDER --output FOLDER [--cases N] [--seed S] [--verify | --no-verify]\n"
    + "  --cases N     records to write, invalid ones included (default 1500)\n"
    + "  --seed S      seed of the random draws (default 2021); the same seed gives the same bytes\n"
    + "  --verify      check every clean case with the reference interpreter (default up to 20,000 cases)";
string? framework = null, output = null;
int cases = SampleDefaults.Cases, seed = SampleDefaults.Seed;
bool? verify = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--output" when i + 1 < args.Length:
            output = args[++i];
            break;
        case "--cases" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n):
            cases = n;
            i++;
            break;
        case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
            seed = s;
            i++;
            break;
        case "--no-verify":
            verify = false;
            break;
        case "--verify":
            verify = true;
            break;
        case "-h" or "--help":
            Console.WriteLine(Usage);
            return 0;
        default:
            if (args[i].StartsWith('-') || framework is not null)
            {
                Console.Error.WriteLine($"sample data: unexpected argument '{args[i]}' (or a missing or invalid value after it).");
                Console.Error.WriteLine(Usage);
                return 2;
            }
            framework = args[i];
            break;
    }
}
if (framework is null || output is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    var stopwatch = Stopwatch.StartNew();
    var model = FrameworkLoader.Load(framework);
    var summary = SampleFiles.Write(model, output, cases, seed, verify ?? cases <= 20_000);
    Console.WriteLine(
        $"Wrote {summary.Records} case assessments ({summary.Clean} clean, {summary.WithWarnings} with warnings, {summary.Rejected} to be rejected) "
        + $"to {Path.Combine(output, SampleFiles.JsonLinesName)} and {Path.Combine(output, SampleFiles.CsvName)} (inspector ratings: {Path.Combine(output, InspectorRatingsFile.Name)}) in {stopwatch.Elapsed.TotalSeconds:0.0}s.");
    foreach (var (id, count) in summary.ById) Console.WriteLine($"  {id}: {count}");
    return 0;
}
catch (SampleDataException e)
{
    Console.Error.WriteLine($"sample data: {e.Message}");
    return e.Message.StartsWith("Generator fault", StringComparison.Ordinal) ? 1 : 2;
}
catch (IOException e)
{
    Console.Error.WriteLine($"sample data: cannot write the files: {e.Message}");
    return 2;
}
catch (UnauthorizedAccessException e)
{
    Console.Error.WriteLine($"sample data: cannot write the files: {e.Message}");
    return 2;
}
