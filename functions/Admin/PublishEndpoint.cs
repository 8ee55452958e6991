using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.Memory;
using Switchyard.Functions.Hosting;

namespace Switchyard.Functions.Admin;

/// <summary>
/// <c>POST /__agents/{name}/messages[?routing_key=K]</c>: publishes the body to the embedded broker on the exchange of
/// agent <c>name</c> (an <c>async/memory</c> agent), with the request's content type. Only with the admin secret
/// (<c>Authorization: Bearer ...</c>); answers 202 with how many queues received the message.
/// </summary>
internal sealed class PublishEndpoint(IReadOnlyDictionary<string, AsyncAgentConfig> agents, MemoryBroker broker, AdminSecret secret)
{
    public const string Pattern = "/__agents/{name}/messages";

    public async Task HandleAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (!secret.Accepts(context.Request.Headers.Authorization.ToString()))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ClientErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "401 unauthorized").ConfigureAwait(false);
            return;
        }

        var name = parameters.Count > 0 ? parameters[0].Value : "";
        if (!agents.TryGetValue(name, out var agent) || agent.Memory is not { } memory)
        {
            await ClientErrors.WriteAsync(context, StatusCodes.Status404NotFound, $"no async/memory agent named '{name}'").ConfigureAwait(false);
            return;
        }

        var routingKey = context.Request.Query["routing_key"].ToString();
        if (routingKey.Length == 0)
        {
            routingKey = RoutingKeys.DefaultFor(agent) ?? "";
        }

        if (routingKey.Length == 0)
        {
            await ClientErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "routing_key is required: the agent's topic has wildcards").ConfigureAwait(false);
            return;
        }

        var body = await RequestBody.ReadAsync(context.Request, AgentRunner.MaxMessageBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await RequestBody.WriteTooLargeAsync(context.Response).ConfigureAwait(false);
            return;
        }

        var routed = broker.Publish(memory.Exchange, routingKey, body.Value, context.Request.ContentType);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(new JsonObject { ["routed"] = routed }.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}
