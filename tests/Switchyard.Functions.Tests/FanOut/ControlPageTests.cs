using System.Net;
using Switchyard.Functions.Tests.Agents;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.FanOut;

/// <summary>How the control page and its script are served (the browser test drives them).</summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class ControlPageTests
{
    [Theory]
    [InlineData("/__agents", "text/html")]
    [InlineData("/__agents/control.js", "text/javascript")]
    public async Task The_page_and_its_script_are_served_with_a_strict_content_security_policy(string path, string mediaType)
    {
        await using var gateway = await FanOutGateway.StartAsync(FanOutGateway.NewStorePath());

        using var response = await gateway.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'").And.Contain("default-src 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
    }

    [Fact]
    public async Task The_page_holds_no_secret_and_writes_values_as_text_only()
    {
        await using var gateway = await FanOutGateway.StartAsync(FanOutGateway.NewStorePath());

        var page = await gateway.Client.GetStringAsync("/__agents");
        var script = await gateway.Client.GetStringAsync("/__agents/control.js");

        page.Should().NotContain(FanOutGateway.Secret);
        script.Should().NotContain(FanOutGateway.Secret).And.NotContain("innerHTML").And.NotContain("insertAdjacentHTML");
        script.Should().Contain("sessionStorage");
    }

    [Fact]
    public async Task Without_an_admin_secret_there_is_no_page_and_no_api()
    {
        await using var gateway = await FanOutGateway.StartAsync(FanOutGateway.NewStorePath(), withSecret: false);

        (await gateway.Client.GetAsync("/__agents")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await gateway.Client.GetAsync("/__agents/api/status")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_management_api_and_the_publish_endpoint_share_the_agents_prefix()
    {
        var store = System.Text.Json.JsonSerializer.Serialize(FanOutGateway.NewStorePath());
        var config = $$"""
            {"version": 3,
             "extra_config": {"switchyard/admin": {"secret": "{{FanOutGateway.Secret}}"}, "switchyard/fanout": {"store": {{store}} } },
             "endpoints": [],
             "async_agent": [{"name": "orders", "consumer": {"topic": "orders.*"},
               "backend": [{"host": ["{{ClosedPort.Host()}}"], "url_pattern": "/orders", "method": "POST"}],
               "extra_config": {"async/memory": {} } }]}
            """;
        await using var gateway = await Hosting.TestGateway.StartAsync(config);
        gateway.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FanOutGateway.Secret);

        using var published = await gateway.Client.PostAsync("/__agents/orders/messages?routing_key=orders.created", new StringContent("{}"));
        using var status = await gateway.Client.GetAsync("/__agents/api/status");
        using var added = await gateway.Client.PostAsync("/__agents/api/subscriptions", new StringContent("{}"));

        published.StatusCode.Should().Be(HttpStatusCode.Accepted);
        status.StatusCode.Should().Be(HttpStatusCode.OK);
        added.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the add endpoint, not the publish endpoint, took the call");
    }
}
