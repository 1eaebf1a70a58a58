namespace Rules.LanguageServer.JsonRpc;

/// <summary>Names the JSON-RPC method a handler class handles, e.g. <c>[Method("textDocument/hover")]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MethodAttribute : Attribute
{
    public MethodAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>How the method's messages are scheduled; see <see cref="RequestProcessType"/>.</summary>
    public RequestProcessType ProcessType { get; init; } = RequestProcessType.Default;
}
