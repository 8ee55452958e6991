using System.Net;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Modifiers;

/// <summary>A modifier that fails is a failed backend, and a block Switchyard cannot serve never starts the gateway.</summary>
public sealed class MartianFailureTests
{
    [Fact]
    public async Task A_modifier_error_fails_the_backend_like_any_backend_error()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$$"""
            {"endpoint": "/m", "input_headers": ["Range"],
             "backend": [{"host": ["{{{backend.Host}}}"], "url_pattern": "/b",
               "extra_config": {"modifier/martian": {"body.Modifier": {"scope": ["response"], "body": "YWJj"} } } } ] }
            """, "\"extra_config\": {\"router\": {\"return_error_msg\": true}}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/m");
        request.Headers.TryAddWithoutValidation("Range", "bytes=x-1");

        using var response = await gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        (await response.Content.ReadAsStringAsync()).Should().Be("body.Modifier: invalid range number \"x\"");
        backend.Received.Should().ContainSingle("the request went out; its response could not be modified");
    }

    [Fact]
    public void Two_modifiers_without_a_group_refuse_the_configuration_where_krakend_would_drop_both()
    {
        var result = Switchyard.Core.Configuration.ConfigLoader.Parse(TestGateway.Config("""
            {"endpoint": "/m", "backend": [{"host": ["http://127.0.0.1:9999"], "url_pattern": "/b",
              "extra_config": {"modifier/martian": {
                "header.Modifier": {"name": "X-A", "value": "1"}, "header.Append": {"name": "X-A", "value": "2"}}}}]}
            """));

        result.Config.Should().BeNull();
        result.Errors.Select(e => e.ToString()).Should().Equal(
            "endpoints[0].backend[0].extra_config.modifier/martian: expected exactly one martian modifier, filter or group, got 2 (header.Modifier, header.Append): put several in a fifo.Group or priority.Group, and an @comment inside the modifier");
    }
}
