using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Telemetry;
using Switchyard.Functions.Hosting;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.BuiltIn;

/// <summary>
/// KrakenD's <c>/__debug/*</c> (served when <c>debug_endpoint</c> is on): any method, 200 <c>{"message":"pong"}</c>,
/// and the request (method, target, headers, body size) logged at Debug level, credentials redacted. A body over
/// <see cref="RequestBody.MaxBytes"/> is answered 413.
/// </summary>
public sealed partial class DebugEndpoint(ILogger<DebugEndpoint> logger)
{
    /// <summary>The route to register with <see cref="RouteMethods.Any"/>; <c>/__debug</c> redirects to <c>/__debug/</c>.</summary>
    public const string Pattern = "/__debug/*";

    private static readonly byte[] Pong = """{"message":"pong"}"""u8.ToArray();

    /// <summary>Answers the request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var body = await RequestBody.ReadAsync(request, RequestBody.MaxBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is not { } read)
        {
            await RequestBody.WriteTooLargeAsync(context.Response).ConfigureAwait(false);
            return;
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            var target = RequestTarget.From(request);
            LogRequest(logger, request.Method, target.RequestUri, FormatHeaders(request.Headers), read.Count);
        }

        await GoJsonResponse.WriteAsync(context.Response, Pong).ConfigureAwait(false);
    }

    private static string FormatHeaders(IHeaderDictionary headers)
    {
        var text = new StringBuilder();
        foreach (var (name, values) in headers)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            // A debug log is still a log: a credential is shown as present, never with its value.
            text.Append(name).Append(": ").Append(SensitiveHeaders.Contains(name) ? SensitiveHeaders.Redacted : values.ToString());
        }

        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "[ENDPOINT: /__debug/*] {Method} {RequestUri} headers: {Headers} body: {BodySize} bytes")]
    private static partial void LogRequest(ILogger logger, string method, string requestUri, string headers, int bodySize);
}
