using System.Text;

namespace Rules.Core.Tests.Fuzzing;

/// <summary>Random edits of rule text: the kinds of damage an author or a bad merge can do.</summary>
internal sealed class Mutator(Random random)
{
    private static readonly string[] Fragments =
    [
        "{", "}", "(", ")", ":", ",", "\"", "\"\"\"", "/*", "*/", "//", "\n", " ", "%", ".", "*", "==", "!=", "<=", ">", "in",
        "when", "not", "and", "or", "is", "positive", "none", "any(", "count(", "case.", "case.age", "2.4.1", "2.4.1.*", "2.4.1.a",
        "1.1", "3", "80%", "from", "to", "score", "prompt", "key_question", "standard", "domain 9 \"X\" {", "answers A {", "scale",
        "framework \"Y\" {", "test \"t\" {", "expect", "check \"c\"", "signal \"s\"", "import \"x.rules\"", "set of", "|", "true",
        "\\", "😀", "“", "\u0000", "\t", "\r\n", "rated by lowest key_question", "not rated", "guidance \"\"\"\n  x\n  \"\"\"",
    ];

    public string Mutate(string text)
    {
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++) text = MutateOnce(text);
        return text;
    }

    private string MutateOnce(string text)
    {
        if (text.Length == 0) return Fragments[random.Next(Fragments.Length)];
        var at = random.Next(text.Length + 1);
        switch (random.Next(9))
        {
            case 0: // flip a character
            {
                if (at == text.Length) at--;
                var c = (char)(text[at] ^ (1 << random.Next(7)));
                return text[..at] + c + text[(at + 1)..];
            }
            case 1: // delete a range
            {
                var length = Math.Min(text.Length - at, 1 + random.Next(random.Next(2) == 0 ? 5 : 200));
                return text.Remove(at, length);
            }
            case 2:
            case 3: // insert a token
                return text.Insert(at, Fragments[random.Next(Fragments.Length)]);
            case 4: // truncate
                return text[..at];
            case 5: // duplicate a run of lines
            {
                var lines = text.Split('\n').ToList();
                var start = random.Next(lines.Count);
                var length = Math.Min(lines.Count - start, 1 + random.Next(15));
                var block = lines.GetRange(start, length);
                lines.InsertRange(random.Next(lines.Count + 1), block);
                return string.Join('\n', lines);
            }
            case 6: // deep nesting
            {
                var depth = random.Next(2) == 0 ? 1 + random.Next(40) : 200 + random.Next(400);
                var (open, close) = random.Next(4) switch
                {
                    0 => ("(", ")"),
                    1 => ("{", "}"),
                    2 => ("not ", ""),
                    _ => ("(", ""),
                };
                var builder = new StringBuilder(text[..at]);
                for (var i = 0; i < depth; i++) builder.Append(open);
                builder.Append(random.Next(2) == 0 ? "case.harm" : "x");
                for (var i = 0; i < depth; i++) builder.Append(close);
                return builder.Append(text[at..]).ToString();
            }
            case 7: // swap two lines
            {
                var lines = text.Split('\n');
                var i = random.Next(lines.Length);
                var j = random.Next(lines.Length);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                return string.Join('\n', lines);
            }
            default: // replace a word with another fragment
            {
                var end = at;
                while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
                return text[..at] + Fragments[random.Next(Fragments.Length)] + text[end..];
            }
        }
    }
}
