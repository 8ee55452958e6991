using System.Net;
using System.Text.Json.Nodes;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.FanOut;

/// <summary>The fan-out management API with Redis subscriptions, against a real Redis server that needs a password.</summary>
public sealed class RedisManagementApiTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private FanOutGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await FanOutGateway.StartAsync(FanOutGateway.NewStorePath());

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_redis_subscription_the_server_accepts_is_201_listed_masked_and_stopped_and_started_live()
    {
        using (var response = await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/subscriptions", FanOutGateway.SubscriptionBody(redis.Url(database: 1), "cache")))
        {
            response.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        await _gateway.UntilStateAsync("shop-cache", "connected");
        using (var list = await _gateway.SendAsync(HttpMethod.Get, "/__agents/api/subscriptions"))
        {
            var text = await list.Content.ReadAsStringAsync();
            text.Should().NotContain(redis.Password);
            JsonNode.Parse(text)!.AsArray().Single()!["broker"]!.GetValue<string>().Should().Be($"redis://:**@127.0.0.1:{redis.Port}/1");
        }

        var status = (await _gateway.StatusAsync())["subscriptions"]!.AsArray().Single()!;
        status["delivery"]!.GetValue<string>().Should().Be("at_most_once");
        status["reconnect_gaps"]!.GetValue<int>().Should().Be(0);
        status["disconnected_since"].Should().BeNull();

        (await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/control/stop")).StatusCode.Should().Be(HttpStatusCode.OK);
        await _gateway.UntilStateAsync("shop-cache", "stopped");
        (await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/control/start")).StatusCode.Should().Be(HttpStatusCode.OK);
        await _gateway.UntilStateAsync("shop-cache", "connected");
        (await _gateway.SendAsync(HttpMethod.Delete, "/__agents/api/subscriptions/shop-cache")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_password_the_server_refuses_to_ping_with_is_401_and_nothing_is_saved()
    {
        var broker = $"redis://:wrong-password@127.0.0.1:{redis.Port}/0";

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/subscriptions", FanOutGateway.SubscriptionBody(broker, "refused"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("subscription.broker").And.NotContain("wrong-password");
        File.Exists(_gateway.StorePath).Should().BeFalse();
    }

    [Fact]
    public async Task A_missing_password_is_401_too()
    {
        using var response = await _gateway.SendAsync(
            HttpMethod.Post, "/__agents/api/subscriptions", FanOutGateway.SubscriptionBody($"redis://127.0.0.1:{redis.Port}/0", "nopassword"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unreachable_server_is_503_and_nothing_is_saved()
    {
        var broker = $"redis://:{redis.Password}@127.0.0.1:{ClosedPort.Number()}/0";

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/subscriptions", FanOutGateway.SubscriptionBody(broker, "unreachable"));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Contain("subscription.broker").And.NotContain(redis.Password);
        File.Exists(_gateway.StorePath).Should().BeFalse();
    }
}
