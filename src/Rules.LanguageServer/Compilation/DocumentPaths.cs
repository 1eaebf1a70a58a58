using Rules.Core.Workspace;
using Rules.LanguageServer.Documents;

namespace Rules.LanguageServer.Compilation;

/// <summary>The compiler path of a document URI: its normalised file path, or a stand-in path for a
/// document that is not a file (an unsaved <c>untitled:</c> editor), which is then a library of its own.</summary>
public static class DocumentPaths
{
    public static string ToPath(string uri)
    {
        var path = DocumentUris.ToFilePath(uri);
        if (path is not null) return PathUtil.Normalize(path);
        var name = new string([.. uri.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
        return "/__unsaved__/" + name + (PathUtil.IsRuleFile(name) ? "" : ".rules");
    }
}
