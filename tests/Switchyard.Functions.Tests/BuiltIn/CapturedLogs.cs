using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Switchyard.Functions.Tests.BuiltIn;

/// <summary>A logger provider that keeps every entry and every scope opened, for tests that assert what was logged.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    private readonly ConcurrentQueue<string> _scopes = new();

    public IReadOnlyCollection<(LogLevel Level, string Category, string Message)> Entries => _entries;

    /// <summary>The text of every scope a logger opened (its state as written) and of every exception logged.</summary>
    public IReadOnlyCollection<string> ScopesAndExceptions => _scopes;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner._scopes.Enqueue(state.ToString() ?? "");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner._entries.Enqueue((logLevel, category, formatter(state, exception)));
            if (exception is not null)
            {
                owner._scopes.Enqueue(exception.ToString());
            }
        }
    }
}
