using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;
using Switchyard.Core.Pipeline;
using Switchyard.Functions.Hosting;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Durable;

/// <summary>
/// Serves a durable endpoint: the request (read as for any endpoint) starts a flow — its id the client's
/// <c>Idempotency-Key</c>, which never starts a second one, else a new id — and the handler waits up to the endpoint's
/// timeout for it. A flow that ended is answered exactly as the in-memory endpoint would answer (the same writer); one
/// still running gets <c>202 Accepted</c> with <c>Location</c>, its status URL carrying the flow's token, and
/// <c>Retry-After</c>. The flow goes on either way: a client that stops waiting does not stop it.
/// </summary>
internal sealed partial class DurableEndpointHandler(
    EndpointConfig endpoint, EndpointRequests requests, IResponseWriter writer, DurableEngineHost engine, ILogger logger)
{
    /// <summary>The seconds a client is told to wait before it looks at a flow again.</summary>
    public const int RetryAfterSeconds = 1;

    public async Task HandleAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> routeValues)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(endpoint.Timeout);
        if (await requests.ReadAsync(context, routeValues, deadline.Token).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        if (FlowIds.InstanceId(context.Request.Headers[FlowIds.Header].ToString()) is not { } instanceId)
        {
            await ClientErrors.WriteAsync(context, StatusCodes.Status400BadRequest, FlowIds.KeyRule).ConfigureAwait(false);
            return;
        }

        if (!await engine.WaitReadyAsync(deadline.Token).ConfigureAwait(false))
        {
            await ServerBusyAsync(context).ConfigureAwait(false);
            return;
        }

        FlowState? state;
        string token;
        try
        {
            // What is left of the endpoint's timeout is the wait; the flow itself goes on when it runs out.
            (state, token) = await StartAndWaitAsync(request, instanceId, endpoint.Timeout - System.Diagnostics.Stopwatch.GetElapsedTime(started), context.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (FlowOfAnotherEndpointException)
        {
            await ClientErrors.WriteAsync(context, StatusCodes.Status409Conflict, "this Idempotency-Key belongs to a flow of another endpoint")
                .ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // The task hub's storage failed the start or the look: the client may try again (with the same key).
            LogStorageError(logger, endpoint.Endpoint, instanceId, exception.Message);
            await ServerBusyAsync(context).ConfigureAwait(false);
            return;
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (state is not { IsFinished: true })
        {
            await AcceptedAsync(context, instanceId, token).ConfigureAwait(false);
            return;
        }

        var response = state.Response ?? ProxyResponse.Failed($"the flow {instanceId} ended without an answer ({state.RuntimeStatus}): {state.Failure}");
        if (response.Error is { } error)
        {
            LogEndpointError(logger, endpoint.Endpoint, instanceId, error.Message);
        }

        await writer.WriteAsync(context, response).ConfigureAwait(false);
    }

    // Starts the flow (a repeated key finds the first one: its answer or its status URL, never a second flow) and waits.
    private async Task<(FlowState? State, string Token)> StartAndWaitAsync(ProxyRequest request, string instanceId, TimeSpan wait, CancellationToken aborted)
    {
        var flows = engine.Engine;
        var token = FlowIds.NewToken();
        var start = await flows.StartFlowAsync(endpoint.JsonPath, MergeFailurePolicy.Partial, request, instanceId, token).ConfigureAwait(false);
        if (!start.IsNew)
        {
            var existing = await flows.GetAsync(instanceId).ConfigureAwait(false);
            if (existing is null || existing.Pipe != endpoint.JsonPath)
            {
                throw new FlowOfAnotherEndpointException();
            }

            token = existing.Token ?? token;
        }

        return (await flows.WaitAsync(instanceId, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, aborted).ConfigureAwait(false), token);
    }

    /// <summary>The status URL of a flow, with its token.</summary>
    public static string StatusUrl(string instanceId, string token) => $"{DurableRoutes.StatusPrefix}{Uri.EscapeDataString(instanceId)}?token={token}";

    private static Task AcceptedAsync(HttpContext context, string instanceId, string token)
    {
        var location = StatusUrl(instanceId, token);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status202Accepted;
        response.Headers.Location = location;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[RouterResponses.CompletedHeader] = "false";
        response.ContentType = RouterResponses.Json;
        return response.WriteAsync(new JsonObject { ["id"] = instanceId, ["status"] = location }.ToJsonString(), context.RequestAborted);
    }

    private static Task ServerBusyAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "5";
        return ClientErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "503 the durable engine is not available");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "[ENDPOINT: {Endpoint}][FLOW: {Flow}] {Error}")]
    private static partial void LogEndpointError(ILogger logger, string endpoint, string flow, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "[ENDPOINT: {Endpoint}][FLOW: {Flow}] the task hub's storage failed: {Error}")]
    private static partial void LogStorageError(ILogger logger, string endpoint, string flow, string error);

    // A repeated Idempotency-Key whose flow belongs to another endpoint: the client's mistake.
    private sealed class FlowOfAnotherEndpointException : Exception;
}
