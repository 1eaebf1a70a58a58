namespace Rules.LanguageServer.Hosting;

/// <summary>The protocol streams: messages from the client arrive on <see cref="Input"/>, go out on <see cref="Output"/>.</summary>
public sealed record LanguageServerStreams(Stream Input, Stream Output);
