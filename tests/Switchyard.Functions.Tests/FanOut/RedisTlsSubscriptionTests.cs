using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Switchyard.Functions.Tests.Agents;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.FanOut;

/// <summary>
/// A <c>rediss://</c> subscription of the real <c>switchyard</c> process against a private Redis that speaks TLS only,
/// its certificate issued by a test CA: trusted through <c>SSL_CERT_FILE</c> (the system's trust store, replaced for the
/// process), the subscription connects and delivers; without it, the certificate is refused and nothing connects.
/// </summary>
public sealed class RedisTlsSubscriptionTests : IAsyncLifetime
{
    private readonly LoopbackCertificateAuthority _authority = LoopbackCertificateAuthority.Create();
    private readonly CertificateFiles _files = new();
    private RedisServer _redis = null!;
    private string _caPath = "";

    public async Task InitializeAsync()
    {
        var (certificate, key) = _files.WriteKeyPair("redis", _authority.ServerCertificate);
        _caPath = _files.WriteCertificate("ca", _authority.Certificate);
        _redis = RedisServer.WithTls(certificate, key, _caPath);
        await _redis.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        _files.Dispose();
        _authority.Dispose();
    }

    [Fact]
    public async Task A_rediss_subscription_connects_when_the_servers_certificate_is_trusted_and_delivers()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        await using var gateway = await StartGatewayAsync(api.Host, trustTestCa: true);

        await UntilStatusAsync(gateway, status => (string?)status["state"] == "connected", "the rediss subscription connected");
        await using (var publisher = await ConnectAsync())
        {
            var body = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"type":"task-sent","uuid":"1","n":1}"""));
            var envelope = $$$"""{"body": "{{{body}}}", "content-type": "application/json", "properties": {"body_encoding": "base64"}}""";
            (await publisher.GetSubscriber().PublishAsync(RedisChannel.Literal("/0.celeryev/task.sent"), envelope)).Should().Be(1);
        }

        await UntilStatusAsync(gateway, status => (long?)status["delivered"] == 1, "the event delivered over TLS");
        api.Received.Single().Body.Should().Contain("\"n\":1");
    }

    [Fact]
    public async Task Without_trust_in_the_servers_certificate_nothing_connects()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        await using var gateway = await StartGatewayAsync(api.Host, trustTestCa: false);

        var status = await UntilStatusAsync(gateway, status => status["last_error"] is not null, "the failure reported");
        ((string?)status["state"]).Should().NotBe("connected");
        ((string?)status["last_error"]).Should().StartWith("the broker is unreachable: the TLS handshake failed").And.NotContain(_redis.Password);
    }

    private async Task<GatewayProcess> StartGatewayAsync(string apiHost, bool trustTestCa)
    {
        var config = _files.Write("krakend.json", $$$"""{"version": 3, "extra_config": {"switchyard/admin": {"secret": "{{{FanOutGateway.Secret}}}"}}, "endpoints": []}""");
        var subscription = new JsonObject
        {
            ["broker"] = _redis.Url(),
            ["app_name"] = "shop",
            ["app_env"] = "tls",
            ["api_url"] = apiHost,
            ["batch_max_number_of_messages"] = 1,
        };
        var environment = new Dictionary<string, string>
        {
            ["SWITCHYARD_SUBSCRIPTIONS"] = new JsonArray(subscription).ToJsonString(),
            ["SWITCHYARD_SUBSCRIPTIONS_FILE"] = Path.Combine(_files.Folder, "subscriptions.json"),
        };
        if (trustTestCa)
        {
            environment["SSL_CERT_FILE"] = _caPath;
        }

        return await GatewayProcess.StartAsync(config, environment);
    }

    private static async Task<JsonNode> UntilStatusAsync(GatewayProcess gateway, Func<JsonNode, bool> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/__agents/api/status");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FanOutGateway.Secret);
            using var response = await gateway.Client.SendAsync(request);
            var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["subscriptions"]![0]!;
            if (condition(status))
            {
                return status;
            }

            DateTimeOffset.UtcNow.Should().BeBefore(deadline, "{0}; last status {1}; gateway output:\n{2}", what, status.ToJsonString(), gateway.Output);
            await Task.Delay(100);
        }
    }

    /// <summary>An independent client over TLS that trusts the test CA alone.</summary>
    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{_redis.Port},password={_redis.Password},ssl=true,abortConnect=true");
        options.CertificateValidation += CustomRootTrust.Callback(_authority.Certificate);
        return await ConnectionMultiplexer.ConnectAsync(options);
    }
}
