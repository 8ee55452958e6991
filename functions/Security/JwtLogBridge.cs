using Microsoft.Extensions.Logging;
using Switchyard.Core.Security.Jwt;

namespace Switchyard.Functions.Security;

/// <summary>Writes what the core's key sources and signers tell (<see cref="JwtLog"/>) to the host's logger.</summary>
internal static partial class JwtLogBridge
{
    public static JwtLog For(ILogger logger) => (level, message, exception) => Log(logger, ToLogLevel(level), message, exception);

    private static LogLevel ToLogLevel(JwtLogLevel level) => level switch
    {
        JwtLogLevel.Information => LogLevel.Information,
        JwtLogLevel.Warning => LogLevel.Warning,
        _ => LogLevel.Error,
    };

    // The exception's message is already in the text; its stack trace would only repeat a network failure.
    [LoggerMessage(Message = "[JOSE] {Message}")]
    private static partial void Log(ILogger logger, LogLevel level, string message, Exception? exception);
}
