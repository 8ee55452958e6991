using System.Net;
using System.Text.Json.Nodes;
using Switchyard.Testing;
using static Switchyard.Functions.Tests.Serverless.ServerlessConfig;

namespace Switchyard.Functions.Tests.Serverless;

/// <summary>The real executable, started as the Functions host starts a custom handler, and driven as the host drives it.</summary>
public sealed class HostProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-host-").FullName;

    [Fact]
    public async Task The_executable_started_with_the_host_port_serves_the_probe_the_endpoints_and_every_trigger()
    {
        var failures = 1;
        await using var backend = await TestBackend.StartAsync(context =>
            context.Request.Path == "/jobs" && Interlocked.Decrement(ref failures) >= 0
                ? TestBackend.Json(context, """{"error":"down"}""", 500)
                : TestBackend.Json(context, """{"ok":true}"""));
        var configPath = Path.Combine(_directory, "krakend.json");
        await File.WriteAllTextAsync(configPath, For(backend.Host));

        await using var host = await FunctionsHostHarness.StartProcessAsync(configPath);

        using (var probe = await host.Client.GetAsync("/"))
        {
            probe.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await host.Client.GetStringAsync("/items")).Should().Be("""{"ok":true}""");

        using var orders = await host.InvokeAsync(OrdersFunction, HostPayloads.ServiceBus("""{"order":1}""", "m-1", 1));
        orders.StatusCode.Should().Be(HttpStatusCode.OK, host.Output);
        JsonNode.Parse(await orders.Content.ReadAsStringAsync())!["Outputs"]!.AsObject().Should().BeEmpty();

        var jobs = await host.DeliverAsync(JobsFunction, count => HostPayloads.StorageQueue("""{"job":1}""", "q-1", count), maxDeliveryCount: 5);
        jobs.Statuses.Should().Equal(HttpStatusCode.InternalServerError, HttpStatusCode.OK);

        using var events = await host.InvokeAsync(EventsFunction, HostPayloads.RabbitMq("e", "k", new Dictionary<string, string> { ["h"] = "v" }));
        events.StatusCode.Should().Be(HttpStatusCode.OK, host.Output);

        using var garbage = await host.InvokeAsync(OrdersFunction, "{not json");
        garbage.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        backend.Received.Select(r => (r.Target, r.Body)).Should().BeEquivalentTo(new[]
        {
            ("/items", ""), ("/orders", """{"order":1}"""), ("/jobs", """{"job":1}"""), ("/jobs", """{"job":1}"""), ("/events", "e"),
        });
        backend.Received.Single(r => r.Target == "/events").Headers["X-Message-Header-h"].ToString().Should().Be("v");
        host.Output.Should().NotContain("does not run standalone");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
