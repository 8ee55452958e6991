using System.Net;
using System.Text.Json.Nodes;
using Switchyard.Functions.Telemetry;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Telemetry;

/// <summary>
/// With <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> set (as the Functions platform sets it), requests and logs reach
/// Application Insights' ingestion endpoint, here one on loopback, even without <c>telemetry/opentelemetry</c>; and the
/// request continues the trace of the invocation the Functions host sends with <c>traceparent</c>.
/// </summary>
public sealed class AzureMonitorExportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Requests_and_logs_reach_Application_Insights_continuing_the_hosts_trace()
    {
        await using var ingestion = await IngestionEndpoint.StartAsync();
        await using var gateway = await TelemetryGateway.StartAsync(
            TelemetryGateway.Configuration(ClosedPort.Host(), telemetry: null),
            new Dictionary<string, string>
            {
                [AzureMonitor.ConnectionStringVariable] = ingestion.ConnectionString,

                // The exporter's own usage reports go to a Microsoft endpoint this network cannot reach.
                ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
            });
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        const string invocationSpan = "00f067aa0ba902b7";

        // What the Functions host sends its custom handler: the invocation's trace context.
        using var request = new HttpRequestMessage(HttpMethod.Get, "users/5");
        request.Headers.Add("traceparent", $"00-{traceId}-{invocationSpan}-01");
        (await gateway.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.InternalServerError);

        var requestEnvelope = await ingestion.WaitForAsync(
            envelope => Type(envelope) == "RequestData" && Data(envelope)?["name"]?.GetValue<string>() == "GET /users/{id}", Wait);
        Data(requestEnvelope)!["responseCode"]!.GetValue<string>().Should().Be("500");
        Data(requestEnvelope)!["success"]!.GetValue<bool>().Should().BeFalse();
        requestEnvelope["tags"]!["ai.operation.id"]!.GetValue<string>().Should().Be(traceId);
        requestEnvelope["tags"]!["ai.operation.parentId"]!.GetValue<string>().Should().Be(invocationSpan);
        requestEnvelope["tags"]!["ai.cloud.role"]!.GetValue<string>().Should().Be("telemetry test");

        // The gateway's warning about the backend that refused, as a log record of the same operation.
        var log = await ingestion.WaitForAsync(
            envelope => Type(envelope) == "MessageData" && Data(envelope)?["message"]?.GetValue<string>()?.Contains("/users/{id}", StringComparison.Ordinal) == true,
            Wait);
        log["tags"]!["ai.operation.id"]!.GetValue<string>().Should().Be(traceId);
    }

    private static string? Type(JsonNode envelope) => envelope["data"]?["baseType"]?.GetValue<string>();

    private static JsonNode? Data(JsonNode envelope) => envelope["data"]?["baseData"];
}
