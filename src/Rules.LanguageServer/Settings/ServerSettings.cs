using System.Text.Json;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Settings;

/// <summary>
/// The server's settings (the client's <c>rules</c> configuration section). <see cref="Section"/> keeps the
/// whole section so features can read keys of their own without changing this record.
/// </summary>
public sealed record ServerSettings(
    string Trace = TraceValue.Off,
    int MaxNumberOfProblems = ServerSettings.DefaultMaxNumberOfProblems,
    JsonElement? Section = null)
{
    public const int DefaultMaxNumberOfProblems = 1000;

    /// <summary>The configuration section name: <c>rules</c> (so <c>rules.maxNumberOfProblems</c> in an editor).</summary>
    public const string SectionName = "rules";
}
