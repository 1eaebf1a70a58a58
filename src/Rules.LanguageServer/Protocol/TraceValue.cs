namespace Rules.LanguageServer.Protocol;

/// <summary>The values of <c>$/setTrace</c> and <c>InitializeParams.trace</c>.</summary>
public static class TraceValue
{
    public const string Off = "off";
    public const string Messages = "messages";
    public const string Verbose = "verbose";
}
