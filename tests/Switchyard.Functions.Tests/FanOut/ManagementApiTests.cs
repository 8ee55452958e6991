using System.Net;
using System.Text.Json.Nodes;
using Switchyard.Functions.Tests.Agents;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.FanOut;

/// <summary>The fan-out management API against a real RabbitMQ node: every answer it can give.</summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class ManagementApiTests(RabbitMqServer rabbit) : IAsyncLifetime
{
    private FanOutGateway _gateway = null!;

    private string Broker => rabbit.AmqpUri.ToString();

    public async Task InitializeAsync() => _gateway = await FanOutGateway.StartAsync(FanOutGateway.NewStorePath());

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    public static TheoryData<string, string> Routes() => new()
    {
        { "GET", "/__agents/api/subscriptions" },
        { "POST", "/__agents/api/subscriptions" },
        { "DELETE", "/__agents/api/subscriptions/shop-prod" },
        { "GET", "/__agents/api/status" },
        { "POST", "/__agents/api/control/stop" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Missing_secret_is_401_without_information(string method, string path)
    {
        using var response = await _gateway.SendAsync(new HttpMethod(method), path, FanOutGateway.SubscriptionBody(Broker, "prod"), authorization: null);

        await ShouldBeBareUnauthorizedAsync(response);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Wrong_secret_is_401_without_information(string method, string path)
    {
        using var response = await _gateway.SendAsync(new HttpMethod(method), path, FanOutGateway.SubscriptionBody(Broker, "prod"), "Bearer not-the-secret");

        await ShouldBeBareUnauthorizedAsync(response);
        File.Exists(_gateway.StorePath).Should().BeFalse("a refused call saves nothing");
        (await _gateway.StatusAsync())["running"]!.GetValue<bool>().Should().BeTrue("a refused call stops nothing");
    }

    [Fact]
    public async Task Adding_a_reachable_subscription_is_201_saved_and_started()
    {
        using var response = await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/subscriptions", FanOutGateway.SubscriptionBody(Broker, "added"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        created["name"]!.GetValue<string>().Should().Be("shop-added");
        (await File.ReadAllTextAsync(_gateway.StorePath)).Should().Contain("\"app_env\": \"added\"");
        await _gateway.UntilStateAsync("shop-added", "connected");
    }

    [Fact]
    public async Task The_list_masks_the_broker_password_and_the_app_key()
    {
        (await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/subscriptions", FanOutGateway.SubscriptionBody(Broker, "listed"))).StatusCode
            .Should().Be(HttpStatusCode.Created);

        using var response = await _gateway.SendAsync(HttpMethod.Get, "/__agents/api/subscriptions");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain("guest:guest").And.NotContain("topsecretkey");
        var listed = JsonNode.Parse(text)!.AsArray().Single()!;
        listed["broker"]!.GetValue<string>().Should().Be($"amqp://guest:**@127.0.0.1:{rabbit.Port}/");
        listed["app_key"]!.GetValue<string>().Should().Be("**");
        listed["static"]!.GetValue<bool>().Should().BeFalse();
        listed["queue"]!.GetValue<string>().Should().Be("fanout.listed");
    }

    [Theory]
    [InlineData("prefetch_count", 50, "subscription.prefetch_count")]
    [InlineData("batch_max_window_in_seconds", 60, "subscription.batch_max_window_in_seconds")]
    [InlineData("app_env", "Prod-1", "subscription.app_env")]
    public async Task An_invalid_subscription_is_400_naming_the_field(string field, object value, string path)
    {
        var body = FanOutGateway.SubscriptionBody(Broker, "invalid");
        body[field] = JsonValue.Create(value);

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/subscriptions", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray();
        errors.Select(error => error!.GetValue<string>()).Should().Contain(error => error.StartsWith(path + ":", StringComparison.Ordinal));
        File.Exists(_gateway.StorePath).Should().BeFalse();
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/__agents/api/subscriptions")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FanOutGateway.Secret);

        using var response = await _gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("errors");
    }

    [Fact]
    public async Task A_duplicate_name_is_412()
    {
        (await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/subscriptions", FanOutGateway.SubscriptionBody(Broker, "twice"))).StatusCode
            .Should().Be(HttpStatusCode.Created);

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/subscriptions", FanOutGateway.SubscriptionBody(Broker, "twice"));

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await response.Content.ReadAsStringAsync()).Should().Contain("shop-twice");
    }

    [Fact]
    public async Task Credentials_the_broker_refuses_are_401_and_nothing_is_saved()
    {
        var broker = $"amqp://guest:wrong-password@127.0.0.1:{rabbit.Port}/";

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/subscriptions", FanOutGateway.SubscriptionBody(broker, "refused"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().BeEmpty("the gateway accepted the admin secret; the broker refused");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("subscription.broker").And.NotContain("wrong-password");
        File.Exists(_gateway.StorePath).Should().BeFalse();
    }

    [Fact]
    public async Task An_unreachable_broker_is_503_and_nothing_is_saved()
    {
        var broker = "amqp://guest:guest@" + new Uri(ClosedPort.Host()).Authority + "/";

        using var response = await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/subscriptions", FanOutGateway.SubscriptionBody(broker, "unreachable"));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Contain("subscription.broker");
        File.Exists(_gateway.StorePath).Should().BeFalse();
    }

    [Fact]
    public async Task Deleting_is_200_then_404()
    {
        (await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/subscriptions", FanOutGateway.SubscriptionBody(Broker, "gone"))).StatusCode
            .Should().Be(HttpStatusCode.Created);

        using var first = await _gateway.SendAsync(HttpMethod.Delete, "/__agents/api/subscriptions/shop-gone");
        using var second = await _gateway.SendAsync(HttpMethod.Delete, "/__agents/api/subscriptions/shop-gone");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await File.ReadAllTextAsync(_gateway.StorePath)).Should().NotContain("gone");
        (await _gateway.StatusAsync())["subscriptions"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Stop_start_and_restart_apply_live()
    {
        (await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/subscriptions", FanOutGateway.SubscriptionBody(Broker, "control"))).StatusCode
            .Should().Be(HttpStatusCode.Created);
        await _gateway.UntilStateAsync("shop-control", "connected");

        using (var stop = await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/control/stop"))
        {
            stop.StatusCode.Should().Be(HttpStatusCode.OK);
            var status = JsonNode.Parse(await stop.Content.ReadAsStringAsync())!;
            status["running"]!.GetValue<bool>().Should().BeFalse();
            status["subscriptions"]![0]!["state"]!.GetValue<string>().Should().Be("stopped");
        }

        (await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/control/start")).StatusCode.Should().Be(HttpStatusCode.OK);
        await _gateway.UntilStateAsync("shop-control", "connected");
        (await _gateway.StatusAsync())["running"]!.GetValue<bool>().Should().BeTrue();

        (await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/control/restart")).StatusCode.Should().Be(HttpStatusCode.OK);
        await _gateway.UntilStateAsync("shop-control", "connected");
    }

    [Fact]
    public async Task An_unknown_control_action_is_404()
    {
        using var response = await _gateway.SendAsync(HttpMethod.Post, "/__agents/api/control/reboot");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _gateway.StatusAsync())["running"]!.GetValue<bool>().Should().BeTrue();
    }

    private static async Task ShouldBeBareUnauthorizedAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        (await response.Content.ReadAsStringAsync()).Should().Be("401 unauthorized");
    }
}
