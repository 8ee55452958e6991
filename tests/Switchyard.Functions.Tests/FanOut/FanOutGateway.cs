using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Switchyard.Functions.Tests.Hosting;

namespace Switchyard.Functions.Tests.FanOut;

/// <summary>A gateway with the admin secret and a fan-out store file, and calls to its management API.</summary>
internal sealed class FanOutGateway : IAsyncDisposable
{
    public const string Secret = "fan-out-test-secret";

    private FanOutGateway(TestGateway gateway, string storePath)
    {
        Gateway = gateway;
        StorePath = storePath;
    }

    public TestGateway Gateway { get; }

    public string StorePath { get; }

    public HttpClient Client => Gateway.Client;

    /// <summary>Serves an empty configuration whose fan-out store is <paramref name="storePath"/>.</summary>
    public static async Task<FanOutGateway> StartAsync(string storePath, bool withSecret = true)
    {
        var extraConfig = new JsonObject { ["switchyard/fanout"] = new JsonObject { ["store"] = storePath } };
        if (withSecret)
        {
            extraConfig["switchyard/admin"] = new JsonObject { ["secret"] = Secret };
        }

        var config = TestGateway.Config("", "\"extra_config\": " + extraConfig.ToJsonString());
        return new FanOutGateway(await TestGateway.StartAsync(config), storePath);
    }

    /// <summary>A store file in a fresh temporary directory.</summary>
    public static string NewStorePath() =>
        Path.Combine(Directory.CreateTempSubdirectory("switchyard-fanout-").FullName, "subscriptions.json");

    /// <summary>A subscription object for the add API, on <paramref name="broker"/>.</summary>
    public static JsonObject SubscriptionBody(string broker, string appEnv, string apiUrl = "http://127.0.0.1:9/api") => new()
    {
        ["broker"] = broker,
        ["app_name"] = "shop",
        ["app_env"] = appEnv,
        ["api_url"] = apiUrl,
        ["app_key"] = "topsecretkey",
        ["exchange"] = "celeryev." + appEnv,
        ["queue"] = "fanout." + appEnv,
    };

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? authorization = "Bearer " + Secret)
    {
        var request = new HttpRequestMessage(method, path);
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return Client.SendAsync(request);
    }

    public async Task<JsonNode> StatusAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, "/__agents/api/status");
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Polls the status API until subscription <paramref name="name"/> is in <paramref name="state"/>.</summary>
    public async Task UntilStateAsync(string name, string state)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var status = await StatusAsync();
            var current = status["subscriptions"]!.AsArray().FirstOrDefault(item => (string?)item!["name"] == name)?["state"]?.GetValue<string>();
            if (current == state)
            {
                return;
            }

            DateTimeOffset.UtcNow.Should().BeBefore(deadline, "{0} should become {1}; last status {2}", name, state, status.ToJsonString());
            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync() => Gateway.DisposeAsync();
}
