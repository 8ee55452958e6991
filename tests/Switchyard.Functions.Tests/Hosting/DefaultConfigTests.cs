using System.Net;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Tests.Agents;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>
/// The embedded default, <c>examples/krakend.json</c>, served as <c>dotnet run --project functions</c> serves it: its
/// backends are the gateway's own <c>/__debug/</c> and <c>/__echo/</c>. Only the port is moved to a free one.
/// </summary>
public sealed class DefaultConfigTests
{
    private static string DefaultConfigText() => RepositoryFiles.Read("examples", "krakend.json");

    private static Task<TestGateway> StartDefaultAsync() => TestGateway.StartSelfCallingAsync(DefaultConfigText());

    [Fact]
    public void The_default_configuration_is_valid_without_warnings()
    {
        var result = ConfigLoader.Parse(DefaultConfigText());

        result.Errors.Should().BeEmpty();
        result.Warnings.Should().BeEmpty();
        result.Config!.Port.Should().Be(8080);
    }

    [Fact]
    public async Task Health_answers_200_with_agents_now_and_status_and_the_agent_status()
    {
        await using var gateway = await StartDefaultAsync();

        // The agent connects in the background: its first ping lands within moments of the start.
        await AgentHealth.UntilAsync(gateway, "signup-events", h => h.Connected, TimeSpan.FromSeconds(10), "the default agent connected");
        var response = await gateway.Client.GetAsync("/__health");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        body.Select(p => p.Key).Should().Equal("agents", "agent_status", "now", "status");
        body["agents"]!.AsObject().Select(p => p.Key).Should().Equal("signup-events");
        body["agent_status"]!["signup-events"]!["connected"]!.GetValue<bool>().Should().BeTrue();
        body["status"]!.GetValue<string>().Should().Be("ok");
    }

    [Fact]
    public async Task The_aggregation_endpoint_answers_merged_groups_and_is_complete()
    {
        await using var gateway = await StartDefaultAsync();

        var response = await gateway.Client.GetAsync("/dashboard/ana?lang=en&ignored=1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """{"orders":{"query":{"lang":["en"]},"req_uri":"/__echo/orders/ana?lang=en"},"profile":{"message":"pong"}}""");
    }

    [Fact]
    public async Task The_concurrent_calls_endpoint_answers_the_first_good_response()
    {
        await using var gateway = await StartDefaultAsync();

        var response = await gateway.Client.GetAsync("/products");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"message":"pong"}""");
    }

    [Fact]
    public async Task The_signup_endpoint_feeds_the_first_answer_into_the_second_step()
    {
        await using var gateway = await StartDefaultAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/user/signup/yes");
        request.Headers.UserAgent.ParseAdd("curl/8.6.0");

        var response = await gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """{"legacy-response":{"message":"pong"},"send-email":{"req_uri":"/__echo/welcome/pong?ua=curl/8.6.0\u0026notify=yes"}}""");
    }
}
