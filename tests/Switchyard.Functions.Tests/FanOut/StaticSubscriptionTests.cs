using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Switchyard.Core.Configuration;
using Switchyard.Core.FanOut;
using Switchyard.Functions.Admin;
using Switchyard.Functions.FanOut;

namespace Switchyard.Functions.Tests.FanOut;

/// <summary>Subscriptions from the environment through the management API (agents not started: no broker needed).</summary>
public sealed class StaticSubscriptionTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("switchyard-fanout-static-");
    private readonly HttpClient _http = new();
    private FanOutAgents _agents = null!;
    private ManagementEndpoints _endpoints = null!;

    public Task InitializeAsync()
    {
        var environment = new Subscription
        {
            Broker = "amqp://user:hunter2@rabbit:5672/",
            AppName = "shop",
            AppEnv = "prod",
            ApiUrl = new Uri("http://leek/api"),
        };
        _agents = new FanOutAgents([environment], new SubscriptionStore(Path.Combine(_directory.FullName, "subscriptions.json")), new EventApiClient(_http));
        var config = ConfigLoader.Parse($$$"""{"version": 3, "extra_config": {"switchyard/admin": {"secret": "{{{FanOutGateway.Secret}}}"}}, "endpoints": []}""").Config!;
        _endpoints = new ManagementEndpoints(_agents, AdminSecret.From(config, _ => null)!);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _agents.DisposeAsync();
        _http.Dispose();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_static_subscription_cannot_be_deleted_through_the_api()
    {
        var (status, body) = await CallAsync(_endpoints.DeleteAsync, [new("name", "shop-prod")]);

        status.Should().Be(StatusCodes.Status409Conflict);
        body.Should().Contain("environment");
        _agents.Subscriptions().Should().ContainSingle();
    }

    [Fact]
    public async Task A_static_subscription_is_listed_as_static_with_its_password_masked()
    {
        var (status, body) = await CallAsync(_endpoints.ListAsync, []);

        status.Should().Be(StatusCodes.Status200OK);
        body.Should().NotContain("hunter2");
        var listed = JsonNode.Parse(body)!.AsArray().Single()!;
        listed["static"]!.GetValue<bool>().Should().BeTrue();
        listed["broker"]!.GetValue<string>().Should().Be("amqp://user:**@rabbit:5672/");
    }

    [Fact]
    public async Task The_status_of_agents_not_started_says_stopped()
    {
        var (status, body) = await CallAsync(_endpoints.StatusAsync, []);

        status.Should().Be(StatusCodes.Status200OK);
        var json = JsonNode.Parse(body)!;
        json["running"]!.GetValue<bool>().Should().BeFalse();
        json["subscriptions"]![0]!["state"]!.GetValue<string>().Should().Be("stopped");
        json["subscriptions"]![0]!["connected"]!.GetValue<bool>().Should().BeFalse();
        json["subscriptions"]![0]!["last_flush_at"].Should().BeNull();
    }

    private static async Task<(int Status, string Body)> CallAsync(
        Func<HttpContext, IReadOnlyList<KeyValuePair<string, string>>, Task> endpoint, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Bearer " + FanOutGateway.Secret;
        using var body = new MemoryStream();
        context.Response.Body = body;
        await endpoint(context, parameters);
        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
