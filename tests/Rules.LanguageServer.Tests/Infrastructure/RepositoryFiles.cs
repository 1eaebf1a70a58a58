namespace Rules.LanguageServer.Tests.Infrastructure;

/// <summary>The repository's bundled frameworks, found from the test's output folder, and copies of them.</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository's <c>rules/</c> folder.</summary>
    public static string RulesFolder()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "rules");
            if (Directory.Exists(Path.Combine(candidate, "probation-2021"))) return candidate;
        }
        throw new DirectoryNotFoundException("rules/probation-2021 was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Copies every file under a folder (a scratch workspace for tests that write files).</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
