using Microsoft.Extensions.Logging;

namespace Switchyard.Functions.Telemetry.Logging;

/// <summary>A logger of one category that writes each record as one line of <see cref="LogLineFormat"/>.</summary>
internal sealed class LineLogger(string category, LogLineFormat format, TextWriter output, TimeProvider time) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    // The levels are filtered by the logging builder (telemetry/logging's level); this logger writes what reaches it.
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        if (exception is not null)
        {
            message = $"{message} {exception.GetType().Name}: {exception.Message}";
        }

        // One record, one line: a message's own line breaks would split it for every log collector.
        message = message.ReplaceLineEndings(" ");

        // One write per line, on a synchronized writer: lines of concurrent requests never interleave.
        output.Write(format.Format(time.GetUtcNow(), logLevel, category, message) + "\n");
    }
}
