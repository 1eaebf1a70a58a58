using System.Text;
using Rules.Core.Syntax;

namespace Rules.Core.Tests.Support;

/// <summary>
/// Prints a syntax tree for snapshots: one line per node (kind and span) and per token (kind, span,
/// text, missing marker), with trivia summarised as a list of kinds (comments shown in full).
/// </summary>
internal static class TreePrinter
{
    public static string Print(SyntaxTree tree)
    {
        var builder = new StringBuilder();
        Print(tree.Root, 0, builder);
        foreach (var d in tree.Diagnostics) builder.Append("! ").AppendLine(Rules.Format(d));
        return builder.ToString();
    }

    private static void Print(SyntaxElement element, int depth, StringBuilder builder)
    {
        builder.Append(' ', depth * 2);
        if (element.TryGetToken(out var token))
        {
            builder.Append(token.Kind).Append(' ').Append(token.Span);
            if (token.IsMissing) builder.Append(" <missing ").Append(token.Expected).Append('>');
            else builder.Append(' ').Append(Quote(token.Text));
            Trivia(" lead", token.LeadingTrivia, builder);
            Trivia(" trail", token.TrailingTrivia, builder);
            builder.AppendLine();
            return;
        }
        var node = element.AsNode()!;
        builder.Append(node.Kind).Append(' ').Append(node.Span).AppendLine();
        foreach (var child in node.Children) Print(child, depth + 1, builder);
    }

    private static void Trivia(string label, IEnumerable<SyntaxTrivia> trivia, StringBuilder builder)
    {
        var parts = trivia.Select(t => t.Kind switch
        {
            SyntaxKind.WhitespaceTrivia => "ws",
            SyntaxKind.EndOfLineTrivia => "eol",
            _ => Quote(t.Text),
        }).ToList();
        if (parts.Count > 0) builder.Append(label).Append('[').Append(string.Join(' ', parts)).Append(']');
    }

    private static string Quote(string text)
    {
        var escaped = text.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");
        if (escaped.Length > 60) escaped = escaped[..57] + "...";
        return "«" + escaped + "»";
    }
}
