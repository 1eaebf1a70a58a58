using System.Collections.Immutable;

namespace Rules.Core.Workspace;

/// <summary>
/// A unit of compilation: a framework's folder with its own <c>.rules</c> files, or one library
/// file (a file under no framework), which is checked on its own.
/// </summary>
public sealed record FrameworkProject(string RootFolder, ImmutableArray<string> Files, bool IsLibrary, string WorkspaceRoot)
{
    public string DisplayName => IsLibrary ? Files.FirstOrDefault() ?? RootFolder : RootFolder;
}
