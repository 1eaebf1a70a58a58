using System.Runtime.CompilerServices;

namespace Rules.Core.Tests;

internal static class TestPaths
{
    /// <summary>The test project's folder (this file's), wherever the caller's file is.</summary>
    public static string TestsDirectory() => ThisFilesDirectory();

    public static string TestData(params string[] parts) => Path.Combine([TestsDirectory(), "TestData", .. parts]);

    public static string RepositoryRoot() => Path.GetFullPath(Path.Combine(TestsDirectory(), "..", ".."));

    private static string ThisFilesDirectory([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
