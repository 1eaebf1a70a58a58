namespace Rules.Cli;

/// <summary>The exit codes of every command (CLI.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The command ran and found problems.</summary>
    public const int Problems = 1;
    /// <summary>The command could not run: bad arguments, unreadable file.</summary>
    public const int CannotRun = 2;
}
