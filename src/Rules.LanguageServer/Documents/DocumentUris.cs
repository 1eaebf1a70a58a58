namespace Rules.LanguageServer.Documents;

/// <summary>Converts between <c>file:</c> document URIs (as editors send them) and file system paths.</summary>
public static class DocumentUris
{
    /// <summary>The local path of a <c>file:</c> URI (percent-decoded), or null for other schemes and malformed URIs.</summary>
    public static string? ToFilePath(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return null;
        return parsed.LocalPath;
    }

    /// <summary>The <c>file:</c> URI of an absolute path.</summary>
    /// <exception cref="ArgumentException">The path is not absolute.</exception>
    public static string FromFilePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Path.IsPathFullyQualified(path)) throw new ArgumentException($"'{path}' is not an absolute path.", nameof(path));
        return new Uri(path).AbsoluteUri;
    }
}
