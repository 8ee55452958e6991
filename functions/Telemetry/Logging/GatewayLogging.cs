using Microsoft.Extensions.Logging;
using Switchyard.Core.Telemetry.Logging;

namespace Switchyard.Functions.Telemetry.Logging;

/// <summary>
/// <c>telemetry/logging</c> applied to the gateway's logging: its level is the least level of every logger (Application
/// Insights' too), and its format replaces the console's.
/// </summary>
internal static class GatewayLogging
{
    /// <summary>Replaces the console logger and sets the least level; returns that level.</summary>
    public static LogLevel Apply(ILoggingBuilder logging, LoggingOptions options)
    {
        var least = options.Level switch
        {
            "DEBUG" => LogLevel.Debug,
            "INFO" => LogLevel.Information,
            "WARNING" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            _ => LogLevel.Critical,
        };
        logging.ClearProviders();
        logging.AddProvider(new LineLoggerProvider(options, TimeProvider.System));
        logging.SetMinimumLevel(least);
        return least;
    }
}
