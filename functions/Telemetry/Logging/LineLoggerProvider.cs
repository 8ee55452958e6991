using Microsoft.Extensions.Logging;
using Switchyard.Core.Telemetry.Logging;

namespace Switchyard.Functions.Telemetry.Logging;

/// <summary>
/// The gateway's logger with <c>telemetry/logging</c>: lines in its format on standard output with <c>stdout</c>, else on
/// standard error (the platform collects both; KrakenD writes nowhere then, which would silence the gateway).
/// </summary>
internal sealed class LineLoggerProvider(LoggingOptions options, TimeProvider time) : ILoggerProvider
{
    private readonly LogLineFormat _format = new(options);
    private readonly TextWriter _output = options.Stdout ? Console.Out : Console.Error;

    public ILogger CreateLogger(string categoryName) => new LineLogger(categoryName, _format, _output, time);

    public void Dispose() => _output.Flush();
}
