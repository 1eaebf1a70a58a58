using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace Rules.Testing;

/// <summary>
/// A small snapshot ("baseline") helper following Verify's conventions: the expected text lives in
/// <c>{TestFile}.{Member}[.{name}].verified.txt</c> beside the test source; on a mismatch the actual
/// text is written to the matching <c>.received.txt</c> and the test fails. Set the environment
/// variable <c>VERIFY_ACCEPT=1</c> to accept every received text as the new verified one.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "VERIFY_ACCEPT";

    public static void Verify(
        string actual,
        string? name = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string member = "")
    {
        var directory = Path.GetDirectoryName(sourceFile)
            ?? throw new InvalidOperationException("The test's source path is unknown.");
        var stem = Path.GetFileNameWithoutExtension(sourceFile) + "." + member
                   + (string.IsNullOrEmpty(name) ? "" : "." + Sanitize(name));
        var snapshots = Path.Combine(directory, "Snapshots");
        var verifiedPath = Path.Combine(snapshots, stem + ".verified.txt");
        var receivedPath = Path.Combine(snapshots, stem + ".received.txt");
        var normalized = Normalize(actual);

        if (File.Exists(verifiedPath) && Normalize(File.ReadAllText(verifiedPath)) == normalized)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(snapshots);
        if (Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true")
        {
            File.WriteAllText(verifiedPath, normalized, new UTF8Encoding(false));
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, normalized, new UTF8Encoding(false));
        var expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : "<no verified file>";
        throw new XunitException(
            $"Snapshot mismatch for {stem}.\nReceived: {receivedPath}\nVerified: {verifiedPath}\n" +
            $"Run with {AcceptVariable}=1 to accept.\n{FirstDifference(expected, normalized)}");
    }

    private static string Normalize(string text)
    {
        var s = text.Replace("\r\n", "\n");
        return s.EndsWith('\n') ? s : s + "\n";
    }

    private static string Sanitize(string name)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        return new string(chars);
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al) return $"First difference at line {i + 1}:\n  verified: {el}\n  received: {al}";
        }
        return "";
    }
}
