namespace Rules.Core.Workspace;

/// <summary>Path handling shared by the workspace code: absolute, '/'-separated, no '.' or '..'.</summary>
public static class PathUtil
{
    public static string Normalize(string path)
    {
        if (IsNormal(path)) return path; // the usual case, and called for every file on every compilation
        var p = path.Replace('\\', '/');
        var rooted = p.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in p.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined;
    }

    /// <summary>Whether a path is already what <see cref="Normalize"/> makes of it: no '\\', no empty, '.' or '..' part.</summary>
    private static bool IsNormal(string path)
    {
        if (path.Length == 0 || path[^1] == '/') return path == "/";
        var start = path[0] == '/' ? 1 : 0;
        for (var i = start; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/')
            {
                if (path[i] == '\\') return false;
                continue;
            }
            var length = i - start;
            if (length == 0 || (length == 1 && path[start] == '.') || (length == 2 && path[start] == '.' && path[start + 1] == '.')) return false;
            start = i + 1;
        }
        return true;
    }

    /// <summary>Whether a path names a rule file (what <see cref="IFileSystem.EnumerateRuleFiles"/> lists).</summary>
    public static bool IsRuleFile(string path) => path.EndsWith(".rules", StringComparison.Ordinal);

    public static string Combine(string directory, string relative) =>
        relative.StartsWith('/') ? Normalize(relative) : Normalize(directory.TrimEnd('/') + "/" + relative);

    public static string Directory(string path)
    {
        var n = Normalize(path);
        var i = n.LastIndexOf('/');
        return i <= 0 ? (n.StartsWith('/') ? "/" : "") : n[..i];
    }

    public static bool IsUnder(string path, string directory)
    {
        var d = Normalize(directory).TrimEnd('/');
        var p = Normalize(path);
        return d.Length == 0 || p == d || p.StartsWith(d + "/", StringComparison.Ordinal);
    }

    /// <summary>A path relative to a base folder, for messages; the path itself when not under it.</summary>
    public static string Relative(string path, string baseDirectory)
    {
        var p = Normalize(path);
        var b = Normalize(baseDirectory).TrimEnd('/');
        return p.StartsWith(b + "/", StringComparison.Ordinal) ? p[(b.Length + 1)..] : p;
    }

    /// <summary>The path from a folder to a file, climbing with <c>..</c> as an <c>import</c> writes it.</summary>
    public static string RelativeFrom(string directory, string path)
    {
        var from = Normalize(directory).TrimEnd('/').Split('/');
        var to = Normalize(path).Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common]) common++;
        return string.Join('/', Enumerable.Repeat("..", from.Length - common).Concat(to[common..]));
    }
}
