using Switchyard.Core.Health;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.BuiltIn;

public sealed class HealthEndpointTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Fact]
    public async Task Answers_agents_now_and_status_in_go_time_layout()
    {
        var time = new ManualTimeProvider(Start.AddTicks(1_234_500));
        var agents = new AgentHealthRegistry(time);
        agents.Ping("orders-agent");
        time.Advance(TimeSpan.FromMilliseconds(1500));
        agents.Ping("billing-agent");
        time.Advance(TimeSpan.FromTicks(8_765_500));
        await using var gateway = await BuiltInGateway.StartAsync(agents, time);

        using var response = await gateway.Client.GetAsync("/__health");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
        response.Headers.Contains("X-KrakenD-Completed").Should().BeFalse();
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """{"agents":{"billing-agent":"2024-05-06 07:08:10.62345 +0000 UTC","orders-agent":"2024-05-06 07:08:09.12345 +0000 UTC"},"now":"2024-05-06 07:08:11.5 +0000 UTC","status":"ok"}""");
    }

    [Fact]
    public async Task Without_agents_the_map_is_empty()
    {
        var time = new ManualTimeProvider(Start);
        await using var gateway = await BuiltInGateway.StartAsync(time: time);

        var body = await gateway.Client.GetStringAsync("/__health");

        body.Should().Be("""{"agents":{},"now":"2024-05-06 07:08:09 +0000 UTC","status":"ok"}""");
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("HEAD")]
    public async Task Other_methods_are_405(string method)
    {
        await using var gateway = await BuiltInGateway.StartAsync();

        using var response = await gateway.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/__health"));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().Equal("GET");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        if (method != "HEAD")
        {
            (await response.Content.ReadAsStringAsync()).Should().Be("405 method not allowed");
        }
    }
}
