using System.Net;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary><c>qos/ratelimit/proxy</c> through the real gateway, on a manual clock.</summary>
public sealed class ProxyRateLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task A_limited_single_backend_is_not_called_and_the_endpoint_answers_500()
    {
        var clock = new ManualTimeProvider(Start);
        await using var backend = await TestBackend.StartAsync("""{"a": 1}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config(
            $$"""
            {"endpoint": "/items", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/i",
              "extra_config": {"qos/ratelimit/proxy": {"max_rate": 1, "capacity": 1} } }]}
            """,
            """ "extra_config": {"router": {"return_error_msg": true} } """), clock);

        (await gateway.GetAnswerAsync("/items")).Status.Should().Be(HttpStatusCode.OK);
        var limited = await gateway.GetAnswerAsync("/items");

        limited.Status.Should().Be(HttpStatusCode.InternalServerError);
        limited.Completed.Should().Be("false");
        limited.Body.Should().Be("rate limit exceded");
        backend.Received.Should().ContainSingle("the limited call was not made");

        clock.Advance(TimeSpan.FromSeconds(1));
        (await gateway.GetAnswerAsync("/items")).Status.Should().Be(HttpStatusCode.OK);
        backend.Received.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_limited_backend_among_two_leaves_the_others_data_with_a_partial_200()
    {
        var clock = new ManualTimeProvider(Start);
        await using var limitedBackend = await TestBackend.StartAsync("""{"limited": true}""");
        await using var otherBackend = await TestBackend.StartAsync("""{"other": true}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/items", "backend": [
              {"host": ["{{limitedBackend.Host}}"], "url_pattern": "/l", "extra_config": {"qos/ratelimit/proxy": {"max_rate": 0.5} } },
              {"host": ["{{otherBackend.Host}}"], "url_pattern": "/o"}]}
            """), clock);

        var complete = await gateway.GetAnswerAsync("/items");
        var partial = await gateway.GetAnswerAsync("/items");

        complete.Status.Should().Be(HttpStatusCode.OK);
        complete.Completed.Should().Be("true");
        complete.Body.Should().Be("""{"limited":true,"other":true}""");
        partial.Status.Should().Be(HttpStatusCode.OK);
        partial.Completed.Should().Be("false");
        partial.Body.Should().Be("""{"other":true}""");
        limitedBackend.Received.Should().ContainSingle();
        otherBackend.Received.Should().HaveCount(2);
    }

    [Fact]
    public async Task Every_endpoint_built_for_the_same_backend_definition_shares_its_bucket()
    {
        var clock = new ManualTimeProvider(Start);
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/items/{id}", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/i/{id}",
              "extra_config": {"qos/ratelimit/proxy": {"max_rate": 2, "every": "1m"} } }]}
            """), clock);

        var statuses = new List<HttpStatusCode>();
        foreach (var id in new[] { "1", "2", "3" })
        {
            statuses.Add((await gateway.GetAnswerAsync("/items/" + id)).Status);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError);
        clock.Advance(TimeSpan.FromSeconds(30));
        (await gateway.GetAnswerAsync("/items/4")).Status.Should().Be(HttpStatusCode.OK, "2 a minute: one every 30 s");
    }
}
