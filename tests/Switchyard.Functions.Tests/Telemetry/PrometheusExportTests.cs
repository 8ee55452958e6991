using System.Net;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Telemetry;

/// <summary>
/// A real Prometheus scrapes the gateway's Prometheus exporter (its own listener, apart from the gateway's port) and its
/// query API returns the request-duration series of the endpoint that was called, with the route's labels.
/// </summary>
public sealed class PrometheusExportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Prometheus_scrapes_the_request_duration_of_each_route_with_its_labels()
    {
        var exporterPort = ClosedPort.Number();
        await using var backend = await TestBackend.StartAsync("{}");
        await using var gateway = await TelemetryGateway.StartAsync(TelemetryGateway.Configuration(backend.Host, $$$"""
            {"exporters": {"prometheus": [{"name": "local", "host": "127.0.0.1", "port": {{{exporterPort}}},
                                           "process_metrics": true, "go_metrics": true}]}}
            """));
        await using var prometheus = await PrometheusServer.StartAsync($"127.0.0.1:{exporterPort}");

        (await gateway.Client.GetAsync("users/7")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await gateway.Client.PostAsync("users/7", null)).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);

        var series = await prometheus.WaitForSeriesAsync(
            """http_server_duration_seconds_count{http_route="/users/{id}", http_request_method="GET"}""", Wait);
        var labels = series.Single()!["metric"]!;
        labels["http_response_status_code"]!.GetValue<string>().Should().Be("200");
        labels["url_scheme"]!.GetValue<string>().Should().Be("http");
        series.Single()!["value"]![1]!.GetValue<string>().Should().Be("1");

        // The 405 matched no route: no http_route label, so a client cannot make new series with made-up paths.
        var unmatched = await prometheus.WaitForSeriesAsync(
            """http_server_duration_seconds_count{http_request_method="POST", http_response_status_code="405"}""", Wait);
        unmatched.Single()!["metric"]!.AsObject().Should().NotContainKey("http_route");

        // A scraper may name the machine otherwise than the configured host (a pod's DNS name): the page is served.
        using (var scraper = new HttpClient())
        using (var scrape = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{exporterPort}/metrics"))
        {
            scrape.Headers.Host = $"gateway.internal:{exporterPort}";
            var page = await scraper.SendAsync(scrape);
            page.StatusCode.Should().Be(HttpStatusCode.OK);
            (await page.Content.ReadAsStringAsync()).Should().Contain("http_server_duration_seconds_bucket{");
        }

        // process_metrics and go_metrics: the process's CPU time and the .NET runtime's garbage collections.
        await prometheus.WaitForSeriesAsync("process_cpu_time_seconds_total", Wait);
        await prometheus.WaitForSeriesAsync("dotnet_gc_collections_total", Wait);
    }

    [Fact]
    public async Task Without_telemetry_the_gateway_listens_on_its_own_port_only()
    {
        await using var backend = await TestBackend.StartAsync("{}");
        await using var gateway = await TelemetryGateway.StartAsync(TelemetryGateway.Configuration(backend.Host, telemetry: null));

        (await gateway.Client.GetAsync("users/7")).StatusCode.Should().Be(HttpStatusCode.OK);

        ListeningPorts(gateway.Process.Id).Should().Equal(gateway.Client.BaseAddress!.Port);
    }

    // The TCP ports a process listens on, from /proc: its socket inodes matched against /proc/net/tcp and tcp6.
    private static IReadOnlyList<int> ListeningPorts(int processId)
    {
        var inodes = Directory.GetFiles($"/proc/{processId}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Where(target => target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(target => target!["socket:[".Length..^1])
            .ToHashSet();
        return File.ReadLines("/proc/net/tcp").Concat(File.ReadLines("/proc/net/tcp6"))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            // State 0A is LISTEN.
            .Where(fields => fields.Length > 9 && fields[3] == "0A" && inodes.Contains(fields[9]))
            .Select(fields => Convert.ToInt32(fields[1].Split(':')[1], 16))
            .Distinct()
            .ToList();
    }
}
