using Rules.Core.Diagnostics;
using Rules.Core.Workspace;
using Xunit.Sdk;

namespace Rules.Core.Tests.Support;

internal static class DiagnosticAssert
{
    /// <summary>
    /// Compiles the marked text as a framework file and asserts that the id is reported with the
    /// severity at exactly each marked span (and nowhere else).
    /// </summary>
    public static IReadOnlyList<Diagnostic> Reports(string id, DiagnosticSeverity severity, string marked, params (string Path, string Text)[] others)
    {
        var source = MarkedText.Parse(marked);
        var compilation = Rules.Compile(source.Text, others);
        return Reports(id, severity, compilation.Diagnostics, Rules.MainPath, source);
    }

    public static IReadOnlyList<Diagnostic> Reports(string id, DiagnosticSeverity severity, IEnumerable<Diagnostic> diagnostics, string path, MarkedText source)
    {
        var all = diagnostics.ToList();
        var found = all.Where(d => d.Id == id && d.Location.Path == path).ToList();
        var expected = source.Spans.OrderBy(s => s.Start).ToList();
        var actual = found.Where(d => d.Location.Path == path).Select(d => d.Location.Span).OrderBy(s => s.Start).ToList();
        if (!expected.SequenceEqual(actual) || found.Count != expected.Count)
            throw new XunitException(
                $"Expected {id} at {string.Join(", ", expected.Select(s => $"{s} '{source.Text[s.Start..s.End]}'"))}\n" +
                $"Actual diagnostics:\n{Rules.Dump(all)}");
        foreach (var d in found)
            if (d.Severity != severity)
                throw new XunitException($"Expected {id} as {severity} but was {d.Severity}: {Rules.Format(d)}");
        return found;
    }

    public static void DoesNotReport(string id, string text, params (string Path, string Text)[] others)
    {
        var compilation = Rules.Compile(text, others);
        DoesNotReport(id, compilation.Diagnostics);
    }

    public static void DoesNotReport(string id, IEnumerable<Diagnostic> diagnostics)
    {
        var all = diagnostics.ToList();
        if (all.Any(d => d.Id == id))
            throw new XunitException($"Did not expect {id}; diagnostics:\n{Rules.Dump(all)}");
    }

    public static void Clean(FrameworkCompilation compilation)
    {
        if (!compilation.Diagnostics.IsEmpty)
            throw new XunitException($"Expected no diagnostics; got:\n{Rules.Dump(compilation.Diagnostics)}");
    }
}
