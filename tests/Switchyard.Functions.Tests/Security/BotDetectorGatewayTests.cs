using System.Net;
using Microsoft.Extensions.Logging;
using Switchyard.Functions.Tests.BuiltIn;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary><c>security/bot-detector</c> through the real gateway (krakend-ce specs botdetector_1 to 4).</summary>
public sealed class BotDetectorGatewayTests
{
    private const string Detector = """
        {"deny": ["a", "b"], "allow": ["c", "Pingdom.com_bot_version_1.1"],
         "patterns": ["(Pingdom.com_bot_version_).*", "(facebookexternalhit)/.*"], "cache_size": 100}
        """;

    [Theory]
    [InlineData("a", HttpStatusCode.Forbidden)]
    [InlineData("b", HttpStatusCode.Forbidden)]
    [InlineData("Pingdom.com_bot_version_1.14", HttpStatusCode.Forbidden)]
    [InlineData("facebookexternalhit/1.2.3", HttpStatusCode.Forbidden)]
    [InlineData("Pingdom.com_bot_version_1.1", HttpStatusCode.OK)]
    [InlineData("curl/8.6.0", HttpStatusCode.OK)]
    public async Task The_service_detector_turns_bots_away_with_an_empty_403(string userAgent, HttpStatusCode status)
    {
        var logs = new CapturedLogs();
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config(backend, $$""" "extra_config": {"security/bot-detector": {{Detector}}} """), logs);

        var answer = await SendAsync(gateway, "/items", userAgent);

        answer.Status.Should().Be(status);
        if (status == HttpStatusCode.OK)
        {
            backend.Received.Should().ContainSingle();
            return;
        }

        answer.Body.Should().BeEmpty();
        answer.Response.Content.Headers.ContentLength.Should().Be(0);
        answer.ContentType.Should().BeNull();
        answer.Completed.Should().BeNull();
        backend.Received.Should().BeEmpty();
        var rejection = logs.Entries.Should().ContainSingle(entry => entry.Message.Contains("bot rejected")).Subject;
        rejection.Level.Should().Be(LogLevel.Error);
        rejection.Message.Should().Be("[SERVICE][Botdetector] bot rejected");
    }

    [Fact]
    public async Task Health_skips_the_service_detector_and_a_404_does_not()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config(backend, $$""" "extra_config": {"security/bot-detector": {{Detector}}} """));

        (await SendAsync(gateway, "/__health", "a")).Status.Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "/nowhere", "a")).Status.Should().Be(HttpStatusCode.Forbidden);
        (await SendAsync(gateway, "/nowhere", "curl/8.6.0")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_empty_user_agent_is_a_bot_only_when_configured()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var strict = await TestGateway.StartAsync(Config(backend, """ "extra_config": {"security/bot-detector": {"empty_user_agent_is_bot": true}} """));
        await using var lenient = await TestGateway.StartAsync(Config(backend, """ "extra_config": {"security/bot-detector": {"deny": ["a"]}} """));

        (await SendAsync(strict, "/items", null)).Status.Should().Be(HttpStatusCode.Forbidden);
        (await SendAsync(lenient, "/items", null)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_endpoint_detector_guards_only_its_endpoint()
    {
        var logs = new CapturedLogs();
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/guarded", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/g"}],
             "extra_config": {"security/bot-detector": {"patterns": ["(?i)bot"]} } },
            {"endpoint": "/open", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/o"}]}
            """), logs);

        (await SendAsync(gateway, "/guarded", "GoogleBot/2.1")).Status.Should().Be(HttpStatusCode.Forbidden);
        (await SendAsync(gateway, "/guarded", "Mozilla/5.0")).Status.Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "/open", "GoogleBot/2.1")).Status.Should().Be(HttpStatusCode.OK);
        backend.Received.Select(request => request.Target).Should().Equal("/g", "/o");
        logs.Entries.Should().Contain(entry => entry.Level == LogLevel.Error && entry.Message == "[ENDPOINT: /guarded][Botdetector] bot rejected");
    }

    private static string Config(TestBackend backend, string rootKeys) => TestGateway.Config(
        $$"""{"endpoint": "/items", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/i"}]}""", rootKeys);

    private static async Task<GatewayAnswer> SendAsync(TestGateway gateway, string target, string? userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return await GatewayAnswer.ReadAsync(await gateway.Client.SendAsync(request));
    }
}
