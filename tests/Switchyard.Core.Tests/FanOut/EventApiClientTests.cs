using Switchyard.Core.FanOut;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.FanOut;

public sealed class EventApiClientTests
{
    private static readonly byte[] Body = System.Text.Encoding.UTF8.GetBytes("""[{"type":"task-sent"}]""");

    [Fact]
    public async Task A_batch_is_posted_with_leeks_headers_under_the_api_urls_path()
    {
        await using var api = await TestBackend.StartAsync("""{"success":1}""", 201);
        using var http = new HttpClient();
        var subscription = Subscription(api.Host + "/leek", appKey: "k3y");

        var result = await new EventApiClient(http).PostAsync(subscription, Body, CancellationToken.None);

        result.Should().Be(new ApiResult(true, 201, null));
        var request = api.Received.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.Target.Should().Be("/leek/v1/events/process");
        request.Body.Should().Be("""[{"type":"task-sent"}]""");
        Header(request, "x-requested-with").Should().Be("leek-agent");
        Header(request, "x-agent-version").Should().Be("1.0.0");
        Header(request, "x-leek-org-name").Should().Be("mono");
        Header(request, "x-leek-app-name").Should().Be("shop");
        Header(request, "x-leek-app-key").Should().Be("k3y");
        Header(request, "x-leek-app-env").Should().Be("prod");
        Header(request, "Content-Type").Should().Be("application/json");
    }

    [Theory]
    [InlineData(200, false)]
    [InlineData(201, true)]
    [InlineData(400, false)]
    [InlineData(503, false)]
    public async Task Only_the_accepted_statuses_count_as_delivered(int status, bool accepted)
    {
        await using var api = await TestBackend.StartAsync("{}", status);
        using var http = new HttpClient();

        var result = await new EventApiClient(http).PostAsync(Subscription(api.Host), Body, CancellationToken.None);

        result.Accepted.Should().Be(accepted);
        result.Status.Should().Be(status);
    }

    [Fact]
    public async Task Accepted_statuses_are_configurable()
    {
        await using var api = await TestBackend.StartAsync("{}", 200);
        using var http = new HttpClient();

        var result = await new EventApiClient(http).PostAsync(Subscription(api.Host) with { AcceptedStatuses = [200, 201] }, Body, CancellationToken.None);

        result.Accepted.Should().BeTrue();
    }

    [Fact]
    public async Task A_slow_api_is_a_failure_after_the_timeout()
    {
        await using var api = await TestBackend.StartAsync("{}", 201, TimeSpan.FromSeconds(5));
        using var http = new HttpClient();

        var result = await new EventApiClient(http, TimeSpan.FromMilliseconds(200)).PostAsync(Subscription(api.Host), Body, CancellationToken.None);

        result.Accepted.Should().BeFalse();
        result.Status.Should().BeNull();
        result.Error.Should().Contain("did not answer within");
    }

    [Fact]
    public async Task An_unreachable_api_is_a_failure_without_a_status()
    {
        using var http = new HttpClient();

        var result = await new EventApiClient(http).PostAsync(Subscription(ClosedPort.Host()), Body, CancellationToken.None);

        result.Accepted.Should().BeFalse();
        result.Error.Should().StartWith("the events API could not be reached");
    }

    // Kestrel spells the headers it knows its own way (X-Requested-With) in a case-sensitive copy.
    private static string Header(ReceivedRequest request, string name) =>
        request.Headers.Single(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value.ToString();

    private static Subscription Subscription(string apiUrl, string appKey = "secret") => new()
    {
        Broker = "amqp://mq//",
        AppName = "shop",
        AppEnv = "prod",
        AppKey = appKey,
        ApiUrl = new Uri(apiUrl),
    };
}
