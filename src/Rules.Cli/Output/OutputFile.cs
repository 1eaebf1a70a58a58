namespace Rules.Cli.Output;

/// <summary>Writes a command's results to <c>--output FILE</c> when given, else to standard output.</summary>
internal static class OutputFile
{
    public static int With(CliContext context, string? path, Func<TextWriter, int> write)
    {
        if (string.IsNullOrEmpty(path)) return write(context.Out);
        try
        {
            using var writer = new StreamWriter(context.FullPath(path), append: false, new System.Text.UTF8Encoding(false));
            return write(writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"rules: cannot write '{path}': {e.Message}");
            return ExitCodes.CannotRun;
        }
    }
}
