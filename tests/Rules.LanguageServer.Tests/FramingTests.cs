using System.IO.Pipelines;
using System.Text;
using Rules.LanguageServer.JsonRpc;

namespace Rules.LanguageServer.Tests;

public class FramingTests
{
    private static MessageFrameReader ReaderOver(string text, int maxContentLength = MessageFrameReader.DefaultMaxContentLength) =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(text)), maxContentLength);

    private static string Frame(string json) => $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";

    private static async Task<List<FrameReadResult>> ReadAll(MessageFrameReader reader)
    {
        var results = new List<FrameReadResult>();
        while (true)
        {
            var result = await reader.ReadAsync();
            results.Add(result);
            if (result.Status == FrameReadStatus.EndOfStream) return results;
            if (results.Count > 1000) throw new InvalidOperationException("The reader does not end.");
        }
    }

    private static string Text(FrameReadResult result) =>
        result.Status == FrameReadStatus.Message ? Encoding.UTF8.GetString(result.Content!) : $"<{result.Status}: {result.Error}>";

    [Fact]
    public async Task Reads_one_message()
    {
        var results = await ReadAll(ReaderOver(Frame("{\"a\":1}")));
        Assert.Equal(["{\"a\":1}", "<EndOfStream: >"], results.Select(Text));
    }

    [Fact]
    public async Task Reads_several_messages_from_one_buffer()
    {
        var results = await ReadAll(ReaderOver(Frame("{\"a\":1}") + Frame("{\"b\":2}") + Frame("[]")));
        Assert.Equal(["{\"a\":1}", "{\"b\":2}", "[]", "<EndOfStream: >"], results.Select(Text));
    }

    [Fact]
    public async Task Reads_messages_arriving_byte_by_byte()
    {
        var pipe = new Pipe();
        var reader = new MessageFrameReader(pipe.Reader);
        var bytes = Encoding.UTF8.GetBytes(Frame("{\"text\":\"“quoted” 😀\"}") + Frame("{\"n\":2}"));
        var writing = Task.Run(async () =>
        {
            foreach (var b in bytes)
            {
                await pipe.Writer.WriteAsync(new[] { b });
                await Task.Yield();
            }
            await pipe.Writer.CompleteAsync();
        });

        var results = await ReadAll(reader);
        await writing;
        Assert.Equal(["{\"text\":\"“quoted” 😀\"}", "{\"n\":2}", "<EndOfStream: >"], results.Select(Text));
    }

    [Fact]
    public async Task Header_names_are_case_insensitive_and_content_type_and_unknown_headers_are_accepted()
    {
        var text = "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\nX-Other: yes\r\n\r\n{}"
                   + "Content-Type: application/vscode-jsonrpc; charset=utf8\r\nCONTENT-LENGTH:  3 \r\n\r\n[1]";
        var results = await ReadAll(ReaderOver(text));
        Assert.Equal(["{}", "[1]", "<EndOfStream: >"], results.Select(Text));
    }

    [Theory]
    [InlineData("Content-Type: application/json\r\n\r\n{}", "no Content-Length")]
    [InlineData("Content-Length: -5\r\n\r\n{}", "is negative")]
    [InlineData("Content-Length: abc\r\n\r\n{}", "is not a non-negative integer")]
    [InlineData("Content-Length: 99999999999999999999\r\n\r\n{}", "is not a non-negative integer")]
    [InlineData("Content-Length: 2000000\r\n\r\n{}", "larger than the limit")]
    [InlineData("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", "two different Content-Length")]
    public async Task A_bad_length_is_reported_and_the_reader_recovers_at_the_next_message(string bad, string expected)
    {
        var results = await ReadAll(ReaderOver(bad + Frame("{\"ok\":true}"), maxContentLength: 1_000_000));
        Assert.Equal(3, results.Count);
        Assert.Equal(FrameReadStatus.Error, results[0].Status);
        Assert.Contains(expected, results[0].Error);
        Assert.Equal("{\"ok\":true}", Text(results[1]));
        Assert.Equal(FrameReadStatus.EndOfStream, results[2].Status);
    }

    [Fact]
    public async Task A_huge_length_does_not_allocate_or_swallow_the_stream()
    {
        var results = await ReadAll(ReaderOver("Content-Length: 2147483647\r\n\r\n" + Frame("{}")));
        Assert.Equal(FrameReadStatus.Error, results[0].Status);
        Assert.Equal("{}", Text(results[1]));
    }

    [Fact]
    public async Task An_unsupported_charset_skips_that_message_only()
    {
        var results = await ReadAll(ReaderOver("Content-Length: 2\r\nContent-Type: application/json; charset=latin1\r\n\r\n{}" + Frame("[]")));
        Assert.Equal(FrameReadStatus.Error, results[0].Status);
        Assert.Contains("latin1", results[0].Error);
        Assert.Equal("[]", Text(results[1]));
    }

    [Fact]
    public async Task A_malformed_header_line_with_a_valid_length_skips_that_message_only()
    {
        var results = await ReadAll(ReaderOver("Content-Length: 2\r\ngarbage\r\n\r\n{}" + Frame("[]")));
        Assert.Equal(FrameReadStatus.Error, results[0].Status);
        Assert.Contains("Malformed header line 'garbage'", results[0].Error);
        Assert.Equal("[]", Text(results[1]));
    }

    [Fact]
    public async Task Garbage_between_messages_is_skipped()
    {
        var results = await ReadAll(ReaderOver(Frame("{}") + "hello there\r\n\r\n" + Frame("[]")));
        Assert.Equal(["{}", "<Error: The message header has no Content-Length. Skipping to the next Content-Length header.>", "[]", "<EndOfStream: >"],
            results.Select(Text));
    }

    [Fact]
    public async Task A_truncated_content_is_reported_then_the_stream_ends()
    {
        var results = await ReadAll(ReaderOver("Content-Length: 10\r\n\r\n{\"a\""));
        Assert.Equal(2, results.Count);
        Assert.Contains("Content-Length is 10 but only 4 bytes followed", results[0].Error);
        Assert.Equal(FrameReadStatus.EndOfStream, results[1].Status);
    }

    [Fact]
    public async Task A_truncated_header_is_reported_then_the_stream_ends()
    {
        var results = await ReadAll(ReaderOver("Content-Length: 10\r\n"));
        Assert.Equal(2, results.Count);
        Assert.Contains("ended inside a message header", results[0].Error);
        Assert.Equal(FrameReadStatus.EndOfStream, results[1].Status);
    }

    [Fact]
    public async Task An_endless_header_is_given_up_on()
    {
        var results = await ReadAll(ReaderOver(new string('x', MessageFrameReader.MaxHeaderLength + 10) + Frame("{}")));
        Assert.Equal(FrameReadStatus.Error, results[0].Status);
        Assert.Contains("longer than", results[0].Error);
        Assert.Equal("{}", Text(results[1]));
    }

    [Fact]
    public async Task An_empty_stream_ends_cleanly_and_zero_length_content_is_a_message()
    {
        Assert.Equal(["<EndOfStream: >"], (await ReadAll(ReaderOver(""))).Select(Text));
        Assert.Equal(["", "<EndOfStream: >"], (await ReadAll(ReaderOver("Content-Length: 0\r\n\r\n"))).Select(Text));
    }

    [Fact]
    public async Task The_writer_uses_the_utf8_byte_length()
    {
        var stream = new MemoryStream();
        using var writer = new MessageFrameWriter(stream);
        await writer.WriteAsync("{\"t\":\"“é” 😀\"}");
        var written = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal("Content-Length: 21\r\n\r\n{\"t\":\"“é” 😀\"}", written);
    }

    [Fact]
    public async Task Concurrent_writes_never_interleave()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        using var writer = new MessageFrameWriter(pipe.Writer.AsStream());
        var messages = Enumerable.Range(0, 200).Select(i => $"{{\"n\":{i},\"pad\":\"{new string('x', i * 7)}\"}}").ToList();
        await Task.WhenAll(messages.Select(m => Task.Run(() => writer.WriteAsync(m))));
        await pipe.Writer.CompleteAsync();

        var results = await ReadAll(new MessageFrameReader(pipe.Reader));
        Assert.Equal(messages.Order(), results.Where(r => r.Status == FrameReadStatus.Message).Select(Text).Order());
        Assert.Equal(201, results.Count);
    }
}
