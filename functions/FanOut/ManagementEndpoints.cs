using System.Text;
using Microsoft.AspNetCore.Http;
using Switchyard.Core.FanOut;
using Switchyard.Functions.Admin;
using Switchyard.Functions.Hosting;

namespace Switchyard.Functions.FanOut;

/// <summary>
/// The fan-out management API under <c>/__agents/api/</c>: list, add and delete subscriptions, the live status, and
/// start, stop and restart of every runner. Every call needs the admin secret (<c>Authorization: Bearer ...</c>);
/// without it the answer is a bare 401 that says nothing about the agents.
/// </summary>
internal sealed class ManagementEndpoints(FanOutAgents agents, AdminSecret secret)
{
    public const string SubscriptionsPattern = "/__agents/api/subscriptions";
    public const string SubscriptionPattern = "/__agents/api/subscriptions/{name}";
    public const string StatusPattern = "/__agents/api/status";
    public const string ControlPattern = "/__agents/api/control/{action}";

    public Task ListAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        Authorized(context, () => WriteJsonAsync(context, StatusCodes.Status200OK, ManagementJson.Subscriptions(agents.Subscriptions())));

    public Task AddAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        Authorized(context, async () =>
        {
            var body = await RequestBody.ReadAsync(context.Request, RequestBody.MaxBytes, context.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                await RequestBody.WriteTooLargeAsync(context.Response).ConfigureAwait(false);
                return;
            }

            Subscription subscription;
            try
            {
                subscription = SubscriptionParser.ParseOne(Encoding.UTF8.GetString(body.Value));
            }
            catch (SubscriptionException exception)
            {
                await WriteJsonAsync(context, StatusCodes.Status400BadRequest, ManagementJson.Errors(exception.Errors)).ConfigureAwait(false);
                return;
            }

            var (status, error) = await agents.AddAsync(subscription, context.RequestAborted).ConfigureAwait(false) switch
            {
                AddOutcome.Added => (StatusCodes.Status201Created, null),
                AddOutcome.Duplicate => (StatusCodes.Status412PreconditionFailed, $"a subscription named '{subscription.Name}' exists"),
                AddOutcome.CredentialsRefused => (StatusCodes.Status401Unauthorized, "subscription.broker: the broker refused the credentials"),
                _ => (StatusCodes.Status503ServiceUnavailable, "subscription.broker: the broker could not be reached"),
            };
            await WriteJsonAsync(context, status, error is null ? ManagementJson.Subscription(subscription, isStatic: false) : ManagementJson.Errors([error]))
                .ConfigureAwait(false);
        });

    public Task DeleteAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        Authorized(context, async () =>
        {
            var name = parameters.Count > 0 ? parameters[0].Value : "";
            var (status, error) = await agents.RemoveAsync(name, context.RequestAborted).ConfigureAwait(false) switch
            {
                RemoveOutcome.Removed => (StatusCodes.Status200OK, null),
                RemoveOutcome.Static => (StatusCodes.Status409Conflict, $"'{name}' comes from the environment; change it there"),
                _ => (StatusCodes.Status404NotFound, $"no subscription named '{name}'"),
            };
            await WriteJsonAsync(context, status, error is null ? Encoding.UTF8.GetBytes("{}") : ManagementJson.Errors([error])).ConfigureAwait(false);
        });

    public Task StatusAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        Authorized(context, () => WriteStatusAsync(context));

    public Task ControlAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        Authorized(context, async () =>
        {
            var action = parameters.Count > 0 ? parameters[0].Value : "";
            Func<Task>? control = action switch
            {
                "start" => agents.StartAsync,
                "stop" => agents.StopAsync,
                "restart" => agents.RestartAsync,
                _ => null,
            };
            if (control is null)
            {
                await WriteJsonAsync(context, StatusCodes.Status404NotFound, ManagementJson.Errors(["the actions are start, stop and restart"])).ConfigureAwait(false);
                return;
            }

            await control().ConfigureAwait(false);
            await WriteStatusAsync(context).ConfigureAwait(false);
        });

    private Task WriteStatusAsync(HttpContext context) =>
        WriteJsonAsync(context, StatusCodes.Status200OK, ManagementJson.Status(agents.IsRunning, agents.Statuses()));

    private Task Authorized(HttpContext context, Func<Task> handle)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (secret.Accepts(context.Request.Headers.Authorization.ToString()))
        {
            return handle();
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ClientErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "401 unauthorized");
    }

    private static Task WriteJsonAsync(HttpContext context, int status, byte[] json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }
}
