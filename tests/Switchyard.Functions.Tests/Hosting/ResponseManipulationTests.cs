using System.Net;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

public sealed class ResponseManipulationTests
{
    private const string Document = """{"a":1,"b":{"c":2,"d":3},"e":[{"f":4,"g":5}],"data":{"user":{"id":7}}}""";

    [Theory]
    [InlineData(""" "target": "data.user" """, """{"id":7}""")]
    [InlineData(""" "target": "data.missing" """, "{}")]
    [InlineData(""" "target": "a" """, "{}")]
    [InlineData(""" "allow": ["a", "b.c", "e.f"] """, """{"a":1,"b":{"c":2}}""")]
    [InlineData(""" "deny": ["b.c", "e", "data"] """, """{"a":1,"b":{"d":3}}""")]
    [InlineData(""" "allow": ["a"], "deny": ["a"] """, """{"a":1}""")]
    [InlineData(""" "allow": ["a", "b"], "mapping": {"a": "alpha", "b": "beta.gamma"} """, """{"alpha":1,"beta":{"c":2,"d":3}}""")]
    [InlineData(""" "target": "data", "allow": ["user.id"], "mapping": {"user": "who"}, "group": "g" """, """{"g":{"who":{"id":7}}}""")]
    public async Task Backend_formatter_applies_target_allow_deny_mapping_and_group(string backendKeys, string rendered)
    {
        await using var backend = await TestBackend.StartAsync(Document);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x", {{backendKeys}} }]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be(rendered == "{}" ? "false" : "true");
        answer.Body.Should().Be(rendered);
    }

    [Fact]
    public async Task Backend_flatmap_filter_replaces_allow_deny_and_mapping_but_keeps_target_and_group()
    {
        await using var backend = await TestBackend.StartAsync("""{"wrap":{"items":[{"id":1,"x":0},{"id":2,"x":0}],"drop":true}}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x",
              "target": "wrap", "group": "g", "allow": ["drop"], "deny": ["items"], "mapping": {"items": "renamed"},
              "extra_config": {"proxy": {"flatmap_filter": [
                {"type": "move", "args": ["items.*.id", "items.*.key"]},
                {"type": "del", "args": ["items.*.x", "drop"]}]} } }]}
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.Body.Should().Be("""{"g":{"items":[{"key":1},{"key":2}]}}""");
    }

    [Fact]
    public async Task Endpoint_flatmap_filter_works_on_the_merge_of_two_backends()
    {
        await using var users = await TestBackend.StartAsync("""{"name":"ana","id":1}""");
        await using var orders = await TestBackend.StartAsync("""{"items":[1,2]}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "backend": [
              {"host": ["{{users.Host}}"], "url_pattern": "/u", "group": "user"},
              {"host": ["{{orders.Host}}"], "url_pattern": "/o", "group": "orders"}],
             "extra_config": {"proxy": {"flatmap_filter": [
               {"type": "move", "args": ["user.name", "name"]},
               {"type": "del", "args": ["user"]}]} } }
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.Body.Should().Be("""{"name":"ana","orders":{"items":[1,2]}}""");
    }

    [Fact]
    public async Task Endpoint_flatmap_filter_leaves_a_partial_merge_alone()
    {
        await using var users = await TestBackend.StartAsync("""{"name":"ana"}""");
        await using var orders = await TestBackend.StartAsync("""{"items":[1,2]}""", status: 500);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "backend": [
              {"host": ["{{users.Host}}"], "url_pattern": "/u", "group": "user"},
              {"host": ["{{orders.Host}}"], "url_pattern": "/o", "group": "orders"}],
             "extra_config": {"proxy": {"flatmap_filter": [{"type": "move", "args": ["user.name", "name"]}]} } }
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("false");
        answer.Body.Should().Be("""{"user":{"name":"ana"}}""");
    }

    [Fact]
    public async Task Static_always_adds_and_overwrites_keys_of_a_complete_response()
    {
        await using var backend = await TestBackend.StartAsync("""{"a":1,"s":"backend"}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x"}],
             "extra_config": {"proxy": {"static": {"strategy": "always", "data": {"s": "static", "t": [true]} } } } }
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.Body.Should().Be("""{"a":1,"s":"static","t":[true]}""");
    }

    [Fact]
    public async Task Static_errored_answers_200_with_the_data_when_the_backend_is_down()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "backend": [{"host": ["{{ClosedPort.Host()}}"], "url_pattern": "/x"}],
             "extra_config": {"proxy": {"static": {"strategy": "errored", "data": {"fallback": true} } } } }
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("false");
        answer.Body.Should().Be("""{"fallback":true}""");
    }

    [Fact]
    public async Task Static_errored_leaves_a_successful_response_alone()
    {
        await using var backend = await TestBackend.StartAsync("""{"a":1}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/x"}],
             "extra_config": {"proxy": {"static": {"strategy": "errored", "data": {"fallback": true} } } } }
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.Body.Should().Be("""{"a":1}""");
    }

    [Theory]
    [InlineData(500, "false", """{"partial":true,"user":{"name":"ana"}}""")]
    [InlineData(200, "true", """{"orders":{"total":3},"user":{"name":"ana"}}""")]
    public async Task Static_incomplete_completes_only_a_partial_merge(int ordersStatus, string completed, string rendered)
    {
        await using var users = await TestBackend.StartAsync("""{"name":"ana"}""");
        await using var orders = await TestBackend.StartAsync("""{"total":3}""", ordersStatus);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x", "backend": [
              {"host": ["{{users.Host}}"], "url_pattern": "/u", "group": "user"},
              {"host": ["{{orders.Host}}"], "url_pattern": "/o", "group": "orders"}],
             "extra_config": {"proxy": {"static": {"strategy": "incomplete", "data": {"partial": true} } } } }
            """));

        var answer = await gateway.GetAnswerAsync("/x");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be(completed);
        answer.Body.Should().Be(rendered);
    }

    [Fact]
    public async Task Shadow_backend_is_called_but_its_data_never_reaches_the_client()
    {
        await using var main = await TestBackend.StartAsync("""{"main":true}""");
        await using var shadow = await TestBackend.StartAsync("""{"shadow":true,"main":false}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/x/{id}", "backend": [
              {"host": ["{{main.Host}}"], "url_pattern": "/main/{id}"},
              {"host": ["{{shadow.Host}}"], "url_pattern": "/shadow/{id}", "extra_config": {"proxy": {"shadow": true} } }]}
            """));

        var answer = await gateway.GetAnswerAsync("/x/42");

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Completed.Should().Be("true");
        answer.Body.Should().Be("""{"main":true}""");
        (await WaitForRequestAsync(shadow)).Target.Should().Be("/shadow/42");
        main.Received.Select(r => r.Target).Should().Equal("/main/42");
    }

    // The shadow call runs in the background: wait for it to land rather than assuming it already has.
    private static async Task<ReceivedRequest> WaitForRequestAsync(TestBackend backend)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        while (!backend.Received.TryPeek(out _))
        {
            await Task.Delay(10, timeout.Token);
        }

        backend.Received.TryPeek(out var request).Should().BeTrue();
        return request!;
    }
}
