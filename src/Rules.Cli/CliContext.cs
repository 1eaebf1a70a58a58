using Rules.Cli.Memory;
using Rules.Core.Workspace;

namespace Rules.Cli;

/// <summary>What a command runs against: its output streams, the file system and the current folder.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, IFileSystem FileSystem, string CurrentDirectory)
{
    public static CliContext ForConsole() =>
        new(Console.Out, Console.Error, new PhysicalFileSystem(), PathUtil.Normalize(Directory.GetCurrentDirectory()))
        {
            CollectorPause = new RuntimeCollectorPause(),
        };

    /// <summary>
    /// How <c>check</c> and <c>test</c> hold the collector off while they compile (<see cref="Memory.CollectorPause"/>);
    /// null runs them with the collector as usual, as tests in a shared process do.
    /// </summary>
    public ICollectorPause? CollectorPause { get; init; }

    public string FullPath(string path) =>
        PathUtil.Normalize(Path.IsPathRooted(path) ? path : Path.Combine(CurrentDirectory, path));

    /// <summary>A path as shown to users: relative to the current folder when under it.</summary>
    public string DisplayPath(string path) => PathUtil.Relative(path, CurrentDirectory);

    public bool Exists(string fullPath) => FileSystem.FileExists(fullPath) || FileSystem.DirectoryExists(fullPath);

    /// <summary>Why a path given on the command line cannot be used: an option the command does not have reads as a path.</summary>
    public string CannotFind(string path, string command) => path.StartsWith('-')
        ? $"rules: '{path}' is not an option of '{command}'; see 'rules {command} --help'."
        : $"rules: cannot find '{path}'.";
}
