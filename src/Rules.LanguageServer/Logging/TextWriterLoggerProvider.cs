using Microsoft.Extensions.Logging;

namespace Rules.LanguageServer.Logging;

/// <summary>
/// Logs to a <see cref="TextWriter"/> (stderr or a file, never stdout: stdout carries the protocol).
/// One line per entry: <c>time level category: message</c>, then the exception if any. Thread-safe.
/// </summary>
public sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly object _gate = new();

    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(this, categoryName);

    internal void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {Abbreviate(level)} {category}: {message}";
        lock (_gate)
        {
            try
            {
                writer.WriteLine(line);
                if (exception is not null) writer.WriteLine(exception.ToString());
                writer.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The log is gone; the server keeps serving.
            }
        }
    }

    private static string Abbreviate(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    public void Dispose()
    {
    }
}
