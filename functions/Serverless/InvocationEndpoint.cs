using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Agents;

namespace Switchyard.Functions.Serverless;

/// <summary>
/// <c>POST /{function}</c> of an agent fed by a Functions trigger: the host's invocation. The message goes through the
/// agent's runner (hence its pipe, workers, timeout and <c>max_deliveries</c>) and the answer tells the host its fate:
/// 200 <c>{"Outputs":{},"Logs":[...],"ReturnValue":null}</c> when processed, so the host completes it; 500 otherwise,
/// so the host delivers it again and, past the queue's own limit, dead-letters it (a custom handler cannot settle a
/// message itself); 400 for a payload that cannot be read. Never a success for a message the pipe did not process.
/// </summary>
internal sealed class InvocationEndpoint(AsyncAgentConfig agent, TriggerFeed feed, ILogger logger)
{
    /// <summary>The largest payload read: the largest message the agent takes, in base64, with room for metadata.</summary>
    public const int MaxPayloadBytes = (AgentRunner.MaxMessageBytes / 3 * 4) + (1024 * 1024);

    public async Task HandleAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var payload = await ReadPayloadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (payload is null)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"the invocation payload is over {MaxPayloadBytes} bytes").ConfigureAwait(false);
            return;
        }

        var settlement = new RecordedSettlement();
        if (!InvocationPayload.TryRead(payload.Value, settlement, out var message, out var problem))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }

        var logs = InvocationLog.Begin();
        try
        {
            if (!await feed.DeliverAsync(message, context.RequestAborted).ConfigureAwait(false))
            {
                // Shutting down: the host delivers the message again, here or to another instance.
                await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "the agent is stopping").ConfigureAwait(false);
                return;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The host gave up on this invocation: nobody reads the answer, and the message was not processed.
            return;
        }

        if (settlement.Outcome == SettlementOutcome.Acked)
        {
            InvocationLog.Add($"[AGENT: {agent.Name}] message '{message.Id}' processed (delivery {message.DeliveryCount})");
            await WriteAsync(context, StatusCodes.Status200OK, logs, success: true).ConfigureAwait(false);
            return;
        }

        if (settlement.Outcome == SettlementOutcome.DeadLettered)
        {
            InvocationLog.Add(
                $"[AGENT: {agent.Name}] message '{message.Id}' failed at delivery {message.DeliveryCount} (max_deliveries {agent.Consumer.MaxDeliveries}): " +
                $"{settlement.Reason}; the host moves it aside once the queue's own delivery limit is reached");
        }
        else
        {
            InvocationLog.Add($"[AGENT: {agent.Name}] message '{message.Id}' not processed (delivery {message.DeliveryCount}): the host delivers it again");
        }

        await WriteAsync(context, StatusCodes.Status500InternalServerError, logs, success: false).ConfigureAwait(false);
    }

    /// <summary>The whole body, or null when it is over <see cref="MaxPayloadBytes"/>.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadPayloadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxPayloadBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxPayloadBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private async Task RefuseAsync(HttpContext context, int status, string problem)
    {
        logger.LogWarning("[AGENT: {Agent}] invocation refused ({Status}): {Problem}", agent.Name, status, problem);
        await WriteAsync(context, status, [$"[AGENT: {agent.Name}] {problem}"], success: false).ConfigureAwait(false);
    }

    // The host reads Outputs, Logs and ReturnValue of a 2xx only; a failure's body is discarded, yet its logs help
    // whoever calls the handler by hand.
    private static async Task WriteAsync(HttpContext context, int status, List<string> logs, bool success)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        if (success)
        {
            json.WriteStartObject("Outputs");
            json.WriteEndObject();
        }

        json.WriteStartArray("Logs");
        lock (logs)
        {
            foreach (var line in logs)
            {
                json.WriteStringValue(line);
            }
        }

        json.WriteEndArray();
        if (success)
        {
            json.WriteNull("ReturnValue");
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
