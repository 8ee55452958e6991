using System.Net.Http.Headers;
using Switchyard.Core.Agents;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Admin;

namespace Switchyard.Functions.Cli;

/// <summary>Publishes to a running gateway's embedded broker through its admin endpoint.</summary>
internal static class GatewayPublisher
{
    public static async Task<string> PublishAsync(
        ServiceConfig config,
        AsyncAgentConfig agent,
        Uri? gateway,
        OutgoingMessage message,
        CancellationToken cancellationToken)
    {
        var secret = AdminSecret.From(config)
            ?? throw new InvalidOperationException($"publishing to an async/memory agent needs the admin secret: set {AdminSecret.EnvironmentVariable} for the gateway and for this command");
        var baseAddress = gateway ?? new Uri($"http://127.0.0.1:{config.Port}/");
        var path = PublishEndpoint.Pattern.Replace("{name}", Uri.EscapeDataString(agent.Name), StringComparison.Ordinal);

        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{path}?routing_key={Uri.EscapeDataString(message.RoutingKey)}")
        {
            Content = new ReadOnlyMemoryContent(message.Body) { Headers = { ContentType = MediaTypeHeaderValue.Parse(message.ContentType) } },
        };
        request.Headers.TryAddWithoutValidation("Authorization", secret.AuthorizationValue);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? $"published {message.Body.Length} bytes to agent '{agent.Name}' with routing key '{message.RoutingKey}': {answer}"
            : throw new InvalidOperationException($"the gateway at {baseAddress} answered {(int)response.StatusCode}: {answer}");
    }
}
