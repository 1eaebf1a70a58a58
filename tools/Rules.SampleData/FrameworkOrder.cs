using System.Collections.Immutable;
using Rules.Core.Semantics;

namespace Rules.SampleData;

/// <summary>
/// The order codes are written in: by their numeric parts (1.2.10 after 1.2.9), each key question
/// before its prompts, prompts by letter — the order of the framework's own numbering.
/// </summary>
public static class FrameworkOrder
{
    public static ImmutableArray<QuestionSymbol> Questions(SemanticModel model) =>
        [.. model.Questions.Where(q => q.AnswerSet is not null).OrderBy(q => q.Code, CodeComparer.Instance)];

    public sealed class CodeComparer : IComparer<string>
    {
        public static readonly CodeComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.');
            var b = (y ?? "").Split('.');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var numeric = int.TryParse(a[i], out var m) & int.TryParse(b[i], out var n);
                var c = numeric ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
                if (c != 0) return c;
            }
            return a.Length.CompareTo(b.Length);
        }
    }
}
