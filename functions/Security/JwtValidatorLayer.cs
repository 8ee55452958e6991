using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RouteHandler = Switchyard.Functions.Hosting.RouteHandler;
using Switchyard.Core.Security.Jwt;
using Switchyard.Core.Telemetry.Metrics;
using Switchyard.Functions.Hosting;

namespace Switchyard.Functions.Security;

/// <summary>
/// The endpoint layer of <c>auth/validator</c>: reads the token from its header or cookie and lets the core
/// <see cref="JwtValidator"/> decide. A refused request is answered 401 (403 for missing roles or scopes) with status
/// only, and nothing inside runs; an accepted one goes on with the propagated claim headers (replacing the client's)
/// and its claims for the pipe. Each refusal is counted by its reason (<see cref="JwtMetrics"/>).
/// </summary>
internal sealed partial class JwtValidatorLayer(JwtValidator validator, ILogger logger, string method, string endpoint)
{
    private readonly JwtMetrics _metrics = new(method, endpoint);
    private readonly ClaimPropagation _propagation = new(validator.Options.PropagateClaims, validator.Options.PropagateClaimsPreserveArray);

    public RouteHandler Wrap(RouteHandler next) => async (context, routeValues) =>
    {
        var request = context.Request;
        var options = validator.Options;
        var header = request.Headers[options.AuthHeaderName];
        var cookie = request.Cookies.TryGetValue(options.CookieKey, out var value) ? value : null;

        JwtValidationResult result;
        try
        {
            result = await validator.ValidateAsync(header.Count > 0 ? header[0] : null, cookie, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away while the key set was being refreshed
        }

        if (result.Outcome != JwtOutcome.Valid)
        {
            _metrics.Rejected(result);
            if (options.OperationDebug)
            {
                LogRefusal(logger, endpoint, result.Reason ?? "");
            }

            var status = result.Outcome == JwtOutcome.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            await StatusOnlyResponse.WriteAsync(context, status).ConfigureAwait(false);
            return;
        }

        var claims = result.Claims!;
        if (!_propagation.IsEmpty)
        {
            foreach (var (name, values) in _propagation.HeadersFor(claims))
            {
                request.Headers[name] = values;
            }
        }

        context.Features.Set(new ValidatedClaims(claims));
        await next(context, routeValues).ConfigureAwait(false);
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "[ENDPOINT: {Endpoint}][JWTValidator] Request refused: {Reason}")]
    private static partial void LogRefusal(ILogger logger, string endpoint, string reason);
}
