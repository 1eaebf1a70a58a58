using System.IO.Pipelines;

namespace Rules.LanguageServer.Tests.Infrastructure;

/// <summary>Two pipes joining a client and a server in memory.</summary>
public sealed class InMemoryDuplex
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();

    public Stream ServerInput => _toServer.Reader.AsStream();

    public Stream ServerOutput => _toClient.Writer.AsStream();

    public Stream ClientInput => _toClient.Reader.AsStream();

    public Stream ClientOutput => _toServer.Writer.AsStream();

    /// <summary>Ends the server's input, as a client closing stdin.</summary>
    public void CloseServerInput() => _toServer.Writer.Complete();

    /// <summary>Ends the client's input, as a server closing stdout.</summary>
    public void CloseClientInput() => _toClient.Writer.Complete();
}
