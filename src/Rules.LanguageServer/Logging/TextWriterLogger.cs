using Microsoft.Extensions.Logging;

namespace Rules.LanguageServer.Logging;

internal sealed class TextWriterLogger(TextWriterLoggerProvider provider, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        provider.Write(logLevel, category, formatter(state, exception), exception);
    }
}
