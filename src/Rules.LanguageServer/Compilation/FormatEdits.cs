using System.Collections.Immutable;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Compilation;

/// <summary>Edits that turn a document into its formatted text: null formatted text (syntax errors) gives no edits.</summary>
public static class FormatEdits
{
    public static ImmutableArray<TextEdit> Whole(DocumentSnapshot document, string? formatted)
    {
        if (formatted is null || formatted == document.Text) return [];
        return [new TextEdit(document.GetRange(0, document.Text.Length), formatted)];
    }

    /// <summary>
    /// Line-by-line edits inside [firstLine, lastLine]. The formatter changes only whitespace and layout
    /// within lines, so the lines are matched by their non-blank content; if that fails, the whole document
    /// is replaced only when the range covers it.
    /// </summary>
    public static ImmutableArray<TextEdit> InLines(DocumentSnapshot document, string? formatted, int firstLine, int lastLine)
    {
        if (formatted is null || formatted == document.Text) return [];
        var oldLines = SplitLines(document.Text);
        var newLines = SplitLines(formatted);
        var oldContent = oldLines.Select((l, i) => (Text: Squash(l), Index: i)).Where(l => l.Text.Length > 0).ToList();
        var newContent = newLines.Select((l, i) => (Text: Squash(l), Index: i)).Where(l => l.Text.Length > 0).ToList();
        if (oldContent.Count != newContent.Count || oldContent.Zip(newContent).Any(p => p.First.Text != p.Second.Text))
            return firstLine == 0 && lastLine >= oldLines.Count - 1 ? Whole(document, formatted) : [];
        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        for (var i = 0; i < oldContent.Count; i++)
        {
            var line = oldContent[i].Index;
            if (line < firstLine || line > lastLine) continue;
            var replacement = newLines[newContent[i].Index];
            if (oldLines[line] == replacement) continue;
            var start = document.GetOffset(new Position(line, 0));
            edits.Add(new TextEdit(document.GetRange(start, start + oldLines[line].Length), replacement));
        }
        return edits.ToImmutable();
    }

    private static List<string> SplitLines(string text) => [.. text.Split('\n').Select(l => l.TrimEnd('\r'))];

    private static string Squash(string line) => string.Concat(line.Where(c => !char.IsWhiteSpace(c)));
}
