using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Security.Cors;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// The service's <c>security/cors</c> layer, outermost of all: it adds the CORS headers before anything inside writes
/// the answer (so 401, 403, 404 and 5xx answers carry them too), and answers preflights itself, without calling any
/// backend, unless <c>options_passthrough</c> hands them on.
/// </summary>
internal sealed partial class CorsLayer(CorsPolicy policy, ILogger logger)
{
    /// <summary>Adds the CORS headers; answers the request when it is a preflight the gateway answers, else returns null.</summary>
    public Task? TryAnswer(HttpContext context)
    {
        var headers = context.Request.Headers;
        var method = context.Request.Method;
        var requestMethod = RequestHeaders.FirstOf(headers.AccessControlRequestMethod);
        var request = new CorsRequest(method, RequestHeaders.FirstOf(headers.Origin), requestMethod);
        if (request.IsPreflight)
        {
            request = request with
            {
                RequestHeaders = headers.AccessControlRequestHeaders is { Count: > 0 } lines ? [.. lines.Select(line => line ?? "")] : null,
                RequestPrivateNetwork = RequestHeaders.FirstOf(headers["Access-Control-Request-Private-Network"]),
            };
        }

        var answer = policy.Decide(request);
        var response = context.Response.Headers;
        foreach (var (name, value) in answer.Headers)
        {
            response.Append(name, value);
        }

        if (policy.Debug)
        {
            LogDecision(logger, request.IsPreflight ? "preflight" : "actual request", method, request.Origin ?? "", answer.Outcome);
        }

        if (!request.IsPreflight || policy.Passthrough)
        {
            return null;
        }

        // Answered or refused alike: a refused preflight simply lacks the Access-Control-Allow-* headers.
        context.Response.StatusCode = policy.PreflightStatus;
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "[CORS] {Kind} {Method} from origin '{Origin}': {Outcome}")]
    private static partial void LogDecision(ILogger logger, string kind, string method, string origin, CorsOutcome outcome);
}
