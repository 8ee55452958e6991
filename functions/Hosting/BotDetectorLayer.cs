using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Security.BotDetection;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// A <c>security/bot-detector</c> layer, of the service (every route but the platform's) or of one endpoint (its
/// outermost layer). A bot gets KrakenD's middleware rejection: 403 with an empty body; the rejection is logged at Error
/// level without the user agent or anything else the client sent.
/// </summary>
/// <param name="detector">The detector.</param>
/// <param name="scope">Where it runs, for the log: <c>SERVICE</c> or <c>ENDPOINT: /path</c>.</param>
/// <param name="logger">Where rejections are logged.</param>
internal sealed partial class BotDetectorLayer(BotDetector detector, string scope, ILogger logger)
{
    /// <summary>Answers the request with 403 when a bot sent it; null otherwise.</summary>
    public Task? TryAnswer(HttpContext context)
    {
        if (!detector.IsBot(RequestHeaders.FirstOf(context.Request.Headers.UserAgent)))
        {
            return null;
        }

        LogBotRejected(logger, scope);
        return StatusOnlyResponse.WriteAsync(context, StatusCodes.Status403Forbidden);
    }

    /// <summary>The endpoint handler <paramref name="next"/> behind this layer.</summary>
    public RouteHandler Wrap(RouteHandler next) => (context, parameters) => TryAnswer(context) ?? next(context, parameters);

    [LoggerMessage(Level = LogLevel.Error, Message = "[{Scope}][Botdetector] bot rejected")]
    private static partial void LogBotRejected(ILogger logger, string scope);
}
