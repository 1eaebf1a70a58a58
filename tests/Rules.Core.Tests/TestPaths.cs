using System.Runtime.CompilerServices;

namespace Rules.Core.Tests;

internal static class TestPaths
{
    public static string TestsDirectory([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;

    public static string TestData(params string[] parts) => Path.Combine([TestsDirectory(), "TestData", .. parts]);

    public static string RepositoryRoot() => Path.GetFullPath(Path.Combine(TestsDirectory(), "..", ".."));
}
