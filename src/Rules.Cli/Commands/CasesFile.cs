using Rules.Engine.Input;

namespace Rules.Cli.Commands;

/// <summary>What is wrong with a <c>--cases</c> path, said before anything is compiled, or null.</summary>
internal static class CasesFile
{
    public static string? Problem(CliContext context, string path)
    {
        var full = context.FullPath(path);
        if (Directory.Exists(full)) return $"rules: '{path}' is a folder; --cases takes a .jsonl or .csv file.";
        if (!File.Exists(full)) return $"rules: cannot find the cases file '{path}'.";
        if (CaseReader.FormatOf(full) is null)
            return $"rules: cannot tell the format of the cases file '{path}' from its name; it must end in .jsonl or .csv.";
        return null;
    }
}
