namespace Rules.Engine.Input;

/// <summary>
/// Problems found while reading one record, kept without their case prefix until the record is
/// complete (the id may come after the values at fault), then written into the record.
/// </summary>
internal sealed class ProblemCollector
{
    private readonly List<Pending> _pending = [];

    public int Count => _pending.Count;

    public void Clear() => _pending.Clear();

    public void Reject(string id, string detail, string? subject = null, string? value = null) =>
        _pending.Add(new Pending(id, ProblemSeverity.Rejection, detail, subject, value));

    public void Warn(string id, string detail, string? subject = null, string? value = null) =>
        _pending.Add(new Pending(id, ProblemSeverity.Warning, detail, subject, value));

    /// <summary>Adds every pending problem to the record, with the record's id and line.</summary>
    public void FlushInto(CaseRecord record)
    {
        foreach (var p in _pending)
        {
            record.AddProblem(new RecordProblem(p.Id, p.Severity, p.Detail, record.Id, record.Line, p.Subject, p.Value));
        }

        _pending.Clear();
    }

    /// <summary>A value as shown in messages: quoted, control characters escaped, long values shortened.</summary>
    public static string Quote(string value)
    {
        const int longest = 60;
        var shown = value.Length > longest ? value[..longest] + "…" : value;
        if (shown.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0)
        {
            shown = string.Concat(shown.Select(c => c < ' ' ? $"\\u{(int)c:x4}" : c.ToString()));
        }

        return "\"" + shown + "\"";
    }

    private readonly record struct Pending(string Id, ProblemSeverity Severity, string Detail, string? Subject, string? Value);
}
