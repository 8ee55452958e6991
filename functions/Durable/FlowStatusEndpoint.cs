using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Durable;
using Switchyard.Functions.Admin;
using Switchyard.Functions.Hosting;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Durable;

/// <summary>
/// <c>GET /__workflows/{id}</c>: a flow's runtime status, created and updated times, its record (the steps done, the
/// outcome, the compensations) and its answer or failure — for the admin secret, or for the flow's own token (the one
/// in the <c>Location</c> its endpoint answered), compared in constant time. Without either the answer is 401, whether
/// the flow exists or not. <c>DELETE /__workflows/{id}?reason=...</c> terminates a running flow: admin secret only.
/// </summary>
internal sealed partial class FlowStatusEndpoint(DurableEngineHost engine, AdminSecret? admin, ILogger<FlowStatusEndpoint> logger)
{
    // How long a status request waits for an engine that is still starting before it is told to come back.
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(2);

    public async Task GetAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (await FindAsync(context, parameters) is not { } found)
        {
            return;
        }

        var (id, state) = found;
        var isAdmin = IsAdmin(context);
        if (!isAdmin && !FlowIds.TokenMatches(context.Request.Query["token"].ToString(), state?.Token))
        {
            await ClientErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "401 unauthorized: the flow's token or the admin secret is needed")
                .ConfigureAwait(false);
            return;
        }

        if (state is null)
        {
            await ClientErrors.WriteAsync(context, StatusCodes.Status404NotFound, $"404 no flow {id}").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = RouterResponses.Json;
        await context.Response.WriteAsync(Describe(state).ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    public async Task DeleteAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (!IsAdmin(context))
        {
            await ClientErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "401 unauthorized: the admin secret is needed").ConfigureAwait(false);
            return;
        }

        if (await FindAsync(context, parameters) is not { } found)
        {
            return;
        }

        var (id, state) = found;
        if (state is null)
        {
            await ClientErrors.WriteAsync(context, StatusCodes.Status404NotFound, $"404 no flow {id}").ConfigureAwait(false);
            return;
        }

        if (state.IsFinished)
        {
            await ClientErrors.WriteAsync(context, StatusCodes.Status409Conflict, $"409 the flow {id} has ended ({state.RuntimeStatus})").ConfigureAwait(false);
            return;
        }

        var reason = context.Request.Query["reason"].ToString() is { Length: > 0 } given ? given : "terminated through the admin endpoint";
        await engine.Engine.TerminateAsync(id, reason).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = RouterResponses.Json;
        await context.Response.WriteAsync(new JsonObject { ["id"] = id, ["terminating"] = true, ["reason"] = reason }.ToJsonString(), context.RequestAborted)
            .ConfigureAwait(false);
    }

    /// <summary>A flow as the status endpoint shows it.</summary>
    public static JsonObject Describe(FlowState state)
    {
        var description = new JsonObject
        {
            ["id"] = state.InstanceId,
            ["pipe"] = state.Pipe,
            ["runtime_status"] = state.RuntimeStatus,
            ["created_at"] = state.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["updated_at"] = state.UpdatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["record"] = state.Record.Length > 0 ? JsonNode.Parse(state.Record) : null,
        };
        if (state.Response is { } response)
        {
            description["output"] = new JsonObject
            {
                ["data"] = response.Data?.DeepClone(),
                ["complete"] = response.IsComplete,
                ["error"] = response.Error?.Message,
            };
        }

        if (state.Failure is { } failure)
        {
            description["failure"] = failure;
        }

        return description;
    }

    private bool IsAdmin(HttpContext context) => admin?.Accepts(context.Request.Headers.Authorization.ToString()) == true;

    private async Task<(string Id, FlowState? State)?> FindAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var id = parameters[0].Value;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        wait.CancelAfter(ReadyWait);
        if (!await engine.WaitReadyAsync(wait.Token).ConfigureAwait(false))
        {
            context.Response.Headers.RetryAfter = "5";
            await ClientErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "503 the durable engine is not running yet").ConfigureAwait(false);
            return null;
        }

        try
        {
            return (id, await engine.Engine.GetAsync(id).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // The task hub's storage cannot be read: the caller may look again; the cause is for the operators' log.
            LogStorageError(logger, id, exception.Message);
            context.Response.Headers.RetryAfter = "5";
            await ClientErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "503 the durable engine is not available").ConfigureAwait(false);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "[FLOW: {Flow}] the task hub's storage failed: {Error}")]
    private static partial void LogStorageError(ILogger logger, string flow, string error);
}
