using System.Net;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

public sealed class PolicyTests
{
    private const string Forbidden = """{"error": {"status": 403, "body": "{\"message\":\"forbidden\"}", "content_type": "application/json"}}""";

    [Theory]
    [InlineData("/reports/1", HttpStatusCode.OK)]
    [InlineData("/reports/2", HttpStatusCode.Forbidden)]
    public async Task A_request_policy_allows_or_answers_its_configured_error(string path, HttpStatusCode expected)
    {
        await using var backend = await TestBackend.StartAsync("""{"report":"ok"}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/reports/{id}", "extra_config": {"security/policies": {"req": {
               "policies": ["req_params.Id == '1'", "req_method == 'GET'"], {{Forbidden[1..^1]}}} } },
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/r/{id}"}]}
            """));

        var response = await gateway.Client.GetAsync(path);

        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.Forbidden)
        {
            (await response.Content.ReadAsStringAsync()).Should().Be("""{"message":"forbidden"}""");
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
            backend.Received.Should().BeEmpty("a denied request never reaches the backend");
        }
        else
        {
            (await response.Content.ReadAsStringAsync()).Should().Be("""{"report":"ok"}""");
        }
    }

    [Theory]
    [InlineData("BENIGN", HttpStatusCode.OK)]
    [InlineData("MALICIOUS", HttpStatusCode.Forbidden)]
    public async Task A_response_policy_checks_the_backend_data(string label, HttpStatusCode expected)
    {
        await using var backend = await TestBackend.StartAsync($$"""{"label":"{{label}}","size":3}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/scan", "extra_config": {"security/policies": {"resp": {
               "policies": ["resp_data.label == 'BENIGN' && resp_data.size < 10"], {{Forbidden[1..^1]}}} } },
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/scan"}]}
            """));

        var response = await gateway.Client.GetAsync("/scan");

        response.StatusCode.Should().Be(expected);
    }

    [Fact]
    public async Task A_failing_cel_check_aborts_with_500_and_its_evaluator_index()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/cel", "extra_config": {"validation/cel": [
               {"check_expr": "req_method == 'GET'"}, {"check_expr": "'x' in req_querystring"}]},
             "input_query_strings": ["x"],
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/cel"}]}
            """, rootKeys: """ "extra_config": {"router": {"return_error_msg": true}} """));

        var allowed = await gateway.Client.GetAsync("/cel?x=1");
        var refused = await gateway.Client.GetAsync("/cel");

        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await refused.Content.ReadAsStringAsync()).Should().Be("request aborted by evaluator #1");
    }

    [Fact]
    public async Task A_denied_backend_among_several_gives_a_partial_answer()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/both", "backend": [
              {"host": ["{{backend.Host}}"], "url_pattern": "/a", "group": "a"},
              {"host": ["{{backend.Host}}"], "url_pattern": "/b", "group": "b",
               "extra_config": {"security/policies": {"req": {"policies": ["req_method == 'POST'"]} } } }]}
            """));

        var response = await gateway.Client.GetAsync("/both");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"a":{"ok":true}}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        backend.Received.Select(r => r.Target).Should().Equal("/a");
    }
}
