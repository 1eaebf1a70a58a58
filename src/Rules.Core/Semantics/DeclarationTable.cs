namespace Rules.Core.Semantics;

/// <summary>
/// The symbols a binder looks names and codes up in, each under the first declaration of its name. A binding of
/// every file has one; a binding of the files an edit affects has two, one for the files it binds and one, kept
/// from earlier compilations, for the files it reuses (<see cref="FromFiles"/>).
/// </summary>
internal sealed class DeclarationTable(int questionCapacity = 0)
{
    public FrameworkSymbol? Framework { get; set; }
    public Dictionary<string, ScaleSymbol> Scales { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, CaseFieldSymbol> Fields { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, AnswerSetSymbol> AnswerSets { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, DomainSymbol> Domains { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, StandardSymbol> Standards { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, QuestionSymbol> Questions { get; } = new(questionCapacity, StringComparer.Ordinal);
    public Dictionary<string, BreakdownSymbol> Breakdowns { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TestSymbol> Tests { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// What whole-framework lint rules worked out over the table's files, by rule: valid for as long as the table is,
    /// since a table is reused only while the same files are reused (so an edit adds only the bound files' part).
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<Type, object> LintMemo { get; } = new();

    /// <summary>The table of files' declarations as their bindings recorded them (each name's first declaration).</summary>
    public static DeclarationTable FromFiles(IEnumerable<FileBinding> files)
    {
        var table = new DeclarationTable();
        foreach (var file in files)
        {
            if (file.Framework is not null) table.Framework ??= file.Framework;
            foreach (var s in file.Scales) table.Scales.TryAdd(s.Name, s);
            foreach (var f in file.Fields) table.Fields.TryAdd(f.Name, f);
            foreach (var a in file.AnswerSets) table.AnswerSets.TryAdd(a.Name, a);
            foreach (var d in file.Domains) table.Domains.TryAdd(d.Name, d);
            foreach (var s in file.Standards) table.Standards.TryAdd(s.Code, s);
            foreach (var q in file.Questions) table.Questions.TryAdd(q.Code, q);
            foreach (var b in file.Breakdowns) table.Breakdowns.TryAdd(b.Name, b);
            foreach (var t in file.Tests) table.Tests.TryAdd(t.Name, t);
        }
        return table;
    }
}
