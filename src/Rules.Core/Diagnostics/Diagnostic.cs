using Rules.Core.Text;

namespace Rules.Core.Diagnostics;

public enum DiagnosticSeverity
{
    Error,
    Warning,
    Information,
}

/// <summary>Where a diagnostic points: a span of one source text.</summary>
public sealed record Location(SourceText Source, TextSpan Span)
{
    public string Path => Source.Path;

    public LinePositionSpan LineSpan => Source.GetLinePositionSpan(Span);
}

/// <summary>
/// A problem found in rule files (RL0xxx) or case data (RL1xxx). <see cref="Suggestion"/> carries the
/// replacement a "did you mean" fix would make, so editors can offer it as a quick fix; <see cref="Related"/>, another
/// place the problem is about (where a duplicate was first declared).
/// </summary>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    DiagnosticSeverity Severity,
    string Message,
    Location Location,
    string? Suggestion = null,
    RelatedLocation? Related = null)
{
    public string Id => Descriptor.Id;

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public Diagnostic WithSeverity(DiagnosticSeverity severity) => this with { Severity = severity };

    public override string ToString()
    {
        var start = Location.LineSpan.Start;
        return $"{Location.Path}({start.Line + 1},{start.Character + 1}): {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
    }
}

/// <summary>The fixed facts about one diagnostic id.</summary>
/// <param name="AlsoWarning">An error id some of whose diagnostics are warnings (RL0204 on a prompt): rules.json may
/// set its severity, which then applies to those warnings only (errors cannot be lowered).</param>
public sealed record DiagnosticDescriptor(string Id, DiagnosticSeverity DefaultSeverity, string Title, bool AlsoWarning = false)
{
    /// <summary>Whether rules.json may set this id to anything but "error".</summary>
    public bool CanBeLowered => DefaultSeverity != DiagnosticSeverity.Error || AlsoWarning;
}
