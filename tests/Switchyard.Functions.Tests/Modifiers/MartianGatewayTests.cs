using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Modifiers;

/// <summary>
/// Every served martian modifier and filter through the running gateway: request-scope effects as a real loopback
/// backend receives them, response-scope effects as the client receives them from a <c>no-op</c> endpoint, and both
/// branches of each filter.
/// </summary>
public sealed class MartianGatewayTests
{
    private const string YouRock = "eyJtc2ciOiJ5b3Ugcm9jayEifQ==";

    /// <summary>One row: the martian block (<c>{port}</c> is the backend's port), how the client calls, what must be seen.</summary>
    public sealed record Case(string Block, Action<Seen> Check)
    {
        public string EndpointKeys { get; init; } = "";

        public bool NoOp { get; init; }

        /// <summary>The backend is configured on a port nothing listens on; only the modifier can reach the real one.</summary>
        public bool ClosedHost { get; init; }

        public string Query { get; init; } = "";

        public (string Name, string Value)[] Headers { get; init; } = [];
    }

    /// <summary>What the backend received (null when it was not called) and what the client got.</summary>
    public sealed record Seen(ReceivedRequest? Received, HttpResponseMessage Response, string Body, string BackendAuthority);

    private static Action<Seen> Backend(Action<ReceivedRequest> check) => seen =>
    {
        seen.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        seen.Received.Should().NotBeNull("the backend must be called");
        check(seen.Received!);
    };

    private static Action<Seen> Client(Action<Seen> check) => seen =>
    {
        seen.Received.Should().NotBeNull("the backend must be called");
        check(seen);
    };

    private static string[] Values(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? [.. values]
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? [.. contentValues]
        : [];

    private static string InputHeaders(params string[] names) => $"\"input_headers\": [{string.Join(", ", names.Select(n => $"\"{n}\""))}],";

    private static string InputQuery(params string[] names) => $"\"input_query_strings\": [{string.Join(", ", names.Select(n => $"\"{n}\""))}],";

    private static string Then(string modifier) => $"\"modifier\": {modifier}";

    private static string Else(string modifier) => $"\"else\": {modifier}";

    private static string SetHeader(string name, string value, string scope = "request") =>
        $$$"""{"header.Modifier": {"scope": ["{{{scope}}}"], "name": "{{{name}}}", "value": "{{{value}}}"}}""";

    private static string SetQuery(string name, string value) =>
        $$$"""{"querystring.Modifier": {"scope": ["request"], "name": "{{{name}}}", "value": "{{{value}}}"}}""";

    private static readonly Dictionary<string, Case> Table = new()
    {
        // Modifiers, request scope.
        ["header.Modifier request"] = new(SetHeader("X-Martian", "true"), Backend(r => r.Headers["X-Martian"].ToString().Should().Be("true"))),
        ["header.Append request"] = new("""{"header.Append": {"scope": ["request"], "name": "X-Some", "value": "I am"}}""",
            Backend(r => r.Headers["X-Some"].ToString().Should().Be("client, I am", ".NET sends the values on one line")))
        {
            EndpointKeys = InputHeaders("X-Some"),
            Headers = [("X-Some", "client")],
        },
        ["header.Blacklist request"] = new("""{"header.Blacklist": {"scope": ["request"], "names": ["X-Some", "X-Forwarded-Host"]}}""",
            Backend(r => r.Headers.Should().NotContainKeys("X-Some", "X-Forwarded-Host")))
        {
            EndpointKeys = InputHeaders("X-Some"),
            Headers = [("X-Some", "client")],
        },
        ["header.Copy request"] = new("""{"header.Copy": {"scope": ["request"], "from": "X-Some", "to": "X-Copy"}}""",
            Backend(r => r.Headers["X-Copy"].ToString().Should().Be("client")))
        {
            EndpointKeys = InputHeaders("X-Some"),
            Headers = [("X-Some", "client")],
        },
        ["header.Id request"] = new("""{"header.Id": {"scope": ["request"], "header": "X-Request-Id"}}""",
            // The received headers are keyed case-sensitively, and .NET spells this known header X-Request-ID.
            Backend(r => Guid.TryParse(r.Headers.Single(h => h.Key.Equals("X-Request-Id", StringComparison.OrdinalIgnoreCase)).Value, out _).Should().BeTrue())),
        ["querystring.Modifier request"] = new(SetQuery("amount", "75"),
            Backend(r => r.Target.Should().Be("/received?amount=75&currency=EUR")))
        {
            EndpointKeys = InputQuery("currency", "amount"),
            Query = "?currency=EUR&amount=55",
        },
        ["body.Modifier request"] = new($$$"""{"body.Modifier": {"scope": ["request"], "body": "{{{YouRock}}}", "contentType": "application/json"}}""",
            Backend(r =>
            {
                r.Body.Should().Be("""{"msg":"you rock!"}""");
                r.Headers.ContentType.ToString().Should().Be("application/json");
            })),
        ["url.Modifier request"] = new("""{"url.Modifier": {"scope": ["request"], "host": "127.0.0.1:{port}", "path": "/__echo/hello", "query": "flag=true"}}""",
            seen => Backend(r =>
            {
                r.Target.Should().Be("/__echo/hello?flag=true");
                r.Headers.Host.ToString().Should().Be(seen.BackendAuthority, "the Host header stays the configured backend's, as in KrakenD");
            })(seen))
        {
            ClosedHost = true,
        },
        ["cookie.Modifier request"] = new("""{"cookie.Modifier": {"scope": ["request"], "name": "AcceptCookies", "value": "yes"}}""",
            Backend(r => r.Headers.Cookie.ToString().Should().Be("AcceptCookies=yes"))),
        ["port.Modifier request"] = new("""{"port.Modifier": {"scope": ["request"], "port": {port}}}""",
            seen => Backend(r =>
            {
                r.Target.Should().Be("/received");
                r.Headers.Host.ToString().Should().Be(seen.BackendAuthority, "the Host header stays the configured backend's, as in KrakenD");
            })(seen))
        {
            ClosedHost = true,
        },
        ["stash.Modifier request"] = new("""{"stash.Modifier": {"headerName": "X-Stash"}}""",
            seen => Backend(r => r.Headers["X-Stash"].ToString().Should().Be($"http://{seen.BackendAuthority}/received?amount=1"))(seen))
        {
            EndpointKeys = InputQuery("amount"),
            Query = "?amount=1",
        },
        ["fifo.Group request"] = new("""
            {"fifo.Group": {"scope": ["request"], "modifiers": [
              {"header.Modifier": {"name": "X-A", "value": "1"}}, {"header.Append": {"name": "X-A", "value": "2"}}]}}
            """,
            Backend(r => r.Headers["X-A"].ToString().Should().Be("1, 2"))),
        ["priority.Group request"] = new("""
            {"priority.Group": {"scope": ["request"], "modifiers": [
              {"priority": 0, "modifier": {"header.Modifier": {"name": "X-Last", "value": "0"}}},
              {"priority": 100, "modifier": {"header.Modifier": {"name": "X-Last", "value": "100"}}}]}}
            """,
            Backend(r => r.Headers["X-Last"].ToString().Should().Be("0", "the lowest priority runs last"))),

        // Filters, request scope, both branches.
        ["header.Filter then"] = new($$$"""{"header.Filter": {"scope": ["request"], "name": "X-Tenant", "value": "v1", {{{Then(SetQuery("legacy", "1"))}}}, {{{Else(SetQuery("legacy", "0"))}}}}}""",
            Backend(r => r.Target.Should().Be("/received?legacy=1")))
        {
            EndpointKeys = InputHeaders("X-Tenant"),
            Headers = [("X-Tenant", "v1")],
        },
        ["header.Filter else"] = new($$$"""{"header.Filter": {"scope": ["request"], "name": "X-Tenant", "value": "v1", {{{Then(SetQuery("legacy", "1"))}}}, {{{Else(SetQuery("legacy", "0"))}}}}}""",
            Backend(r => r.Target.Should().Be("/received?legacy=0")))
        {
            EndpointKeys = InputHeaders("X-Tenant"),
            Headers = [("X-Tenant", "v2")],
        },
        ["header.RegexFilter match"] = new($$$"""{"header.RegexFilter": {"scope": ["request"], "header": "X-App-Version", "regex": ".*-(alpha|beta|preview)$", {{{Then(SetQuery("testing", "1"))}}}}}""",
            Backend(r => r.Target.Should().Be("/received?testing=1")))
        {
            EndpointKeys = InputHeaders("X-App-Version"),
            Headers = [("X-App-Version", "v1.2.3-alpha")],
        },
        ["header.RegexFilter no match"] = new($$$"""{"header.RegexFilter": {"scope": ["request"], "header": "X-App-Version", "regex": ".*-(alpha|beta|preview)$", {{{Then(SetQuery("testing", "1"))}}}}}""",
            Backend(r => r.Target.Should().Be("/received")))
        {
            EndpointKeys = InputHeaders("X-App-Version"),
            Headers = [("X-App-Version", "v1.2.3")],
        },
        ["querystring.Filter then"] = new($$$"""{"querystring.Filter": {"scope": ["request"], "name": "param", "value": "true", {{{Then(SetHeader("X-Passed-Param", "true"))}}}, {{{Else(SetHeader("X-Passed-Param", "false"))}}}}}""",
            Backend(r => r.Headers["X-Passed-Param"].ToString().Should().Be("true")))
        {
            EndpointKeys = InputQuery("param"),
            Query = "?param=true",
        },
        ["querystring.Filter else"] = new($$$"""{"querystring.Filter": {"scope": ["request"], "name": "param", "value": "true", {{{Then(SetHeader("X-Passed-Param", "true"))}}}, {{{Else(SetHeader("X-Passed-Param", "false"))}}}}}""",
            Backend(r => r.Headers["X-Passed-Param"].ToString().Should().Be("false")))
        {
            EndpointKeys = InputQuery("param"),
            Query = "?param=no",
        },
        ["url.Filter then"] = new($$$"""{"url.Filter": {"scope": ["request"], "query": "legacy=1", {{{Then(SetHeader("X-Legacy", "true"))}}}, {{{Else(SetHeader("X-Legacy", "false"))}}}}}""",
            Backend(r => r.Headers["X-Legacy"].ToString().Should().Be("true")))
        {
            EndpointKeys = InputQuery("legacy"),
            Query = "?legacy=1",
        },
        ["url.Filter else"] = new($$$"""{"url.Filter": {"scope": ["request"], "query": "legacy=1", {{{Then(SetHeader("X-Legacy", "true"))}}}, {{{Else(SetHeader("X-Legacy", "false"))}}}}}""",
            Backend(r => r.Headers["X-Legacy"].ToString().Should().Be("false")))
        {
            EndpointKeys = InputQuery("legacy"),
        },
        ["url.RegexFilter then"] = new($$$"""{"url.RegexFilter": {"scope": ["request"], "regex": ".*127\\.0\\.0\\.1.*", {{{Then(SetHeader("Is-Loopback", "true"))}}}, {{{Else(SetHeader("Is-Loopback", "false"))}}}}}""",
            Backend(r => r.Headers["Is-Loopback"].ToString().Should().Be("true"))),
        ["url.RegexFilter else"] = new($$$"""{"url.RegexFilter": {"scope": ["request"], "regex": ".*localhost.*", {{{Then(SetHeader("Is-Loopback", "true"))}}}, {{{Else(SetHeader("Is-Loopback", "false"))}}}}}""",
            Backend(r => r.Headers["Is-Loopback"].ToString().Should().Be("false"))),
        ["cookie.Filter then"] = new($$$"""{"cookie.Filter": {"scope": ["request"], "name": "marketingCookies", "value": "yes", {{{Then(SetHeader("Accepts-Marketing-Cookies", "true"))}}}, {{{Else(SetHeader("Accepts-Marketing-Cookies", "false"))}}}}}""",
            Backend(r => r.Headers["Accepts-Marketing-Cookies"].ToString().Should().Be("true")))
        {
            EndpointKeys = InputHeaders("Cookie"),
            Headers = [("Cookie", "marketingCookies=yes")],
        },
        ["cookie.Filter else"] = new($$$"""{"cookie.Filter": {"scope": ["request"], "name": "marketingCookies", "value": "yes", {{{Then(SetHeader("Accepts-Marketing-Cookies", "true"))}}}, {{{Else(SetHeader("Accepts-Marketing-Cookies", "false"))}}}}}""",
            Backend(r => r.Headers["Accepts-Marketing-Cookies"].ToString().Should().Be("false")))
        {
            EndpointKeys = InputHeaders("Cookie"),
            Headers = [("Cookie", "marketingCookies=no")],
        },
        ["port.Filter match"] = new("""{"port.Filter": {"scope": ["request"], "port": {port}, "modifier": {"header.Modifier": {"name": "X-Port", "value": "matched"}}}}""",
            Backend(r => r.Headers["X-Port"].ToString().Should().Be("matched"))),
        ["port.Filter no match"] = new("""{"port.Filter": {"scope": ["request"], "port": 1, "modifier": {"header.Modifier": {"name": "X-Port", "value": "matched"}}}}""",
            Backend(r => r.Headers.Should().NotContainKey("X-Port"))),

        // Response scope, seen by the client of a no-op endpoint.
        ["header.Modifier response"] = new(SetHeader("X-Martian", "true", "response"),
            Client(s => Values(s.Response, "X-Martian").Should().Equal("true"))) { NoOp = true },
        ["header.Append response"] = new("""{"header.Append": {"scope": ["response"], "name": "X-B", "value": "2"}}""",
            Client(s => Values(s.Response, "X-B").Should().Equal("1", "2"))) { NoOp = true },
        ["header.Blacklist response"] = new("""{"header.Blacklist": {"scope": ["response"], "names": ["X-Secret"]}}""",
            Client(s => Values(s.Response, "X-Secret").Should().BeEmpty())) { NoOp = true },
        ["header.Copy response"] = new("""{"header.Copy": {"scope": ["response"], "from": "X-From", "to": "X-To"}}""",
            Client(s => Values(s.Response, "X-To").Should().Equal("from-value"))) { NoOp = true },
        ["body.Modifier response"] = new($$$"""{"body.Modifier": {"scope": ["response"], "body": "{{{YouRock}}}", "contentType": "text/plain"}}""",
            Client(s =>
            {
                s.Body.Should().Be("""{"msg":"you rock!"}""");
                Values(s.Response, "Content-Type").Should().Equal("text/plain");
            })) { NoOp = true },
        ["cookie.Modifier response"] = new("""{"cookie.Modifier": {"scope": ["response"], "name": "AcceptCookies", "value": "yes", "path": "/some/path", "httpOnly": true}}""",
            Client(s => Values(s.Response, "Set-Cookie").Should().Equal("session=abc", "AcceptCookies=yes; Path=/some/path; HttpOnly"))) { NoOp = true },
        ["stash.Modifier response"] = new("""{"stash.Modifier": {"headerName": "X-Stash"}}""",
            Client(s => Values(s.Response, "X-Stash").Should().Equal($"http://{s.BackendAuthority}/received"))) { NoOp = true },
        ["status.Modifier response"] = new("""{"status.Modifier": {"statusCode": 202}}""",
            Client(s => s.Response.StatusCode.Should().Be(HttpStatusCode.Accepted))) { NoOp = true },
        ["fifo.Group response"] = new("""
            {"fifo.Group": {"modifiers": [
              {"header.Modifier": {"scope": ["response"], "name": "X-A", "value": "1"}},
              {"header.Blacklist": {"scope": ["response"], "names": ["X-B"]}}]}}
            """,
            Client(s =>
            {
                Values(s.Response, "X-A").Should().Equal("1");
                Values(s.Response, "X-B").Should().BeEmpty();
            })) { NoOp = true },
        ["header.Filter response then"] = new($$$"""{"header.Filter": {"scope": ["response"], "name": "X-B", "value": "1", {{{Then(SetHeader("X-Branch", "then", "response"))}}}, {{{Else(SetHeader("X-Branch", "else", "response"))}}}}}""",
            Client(s => Values(s.Response, "X-Branch").Should().Equal("then"))) { NoOp = true },
        ["header.Filter response else"] = new($$$"""{"header.Filter": {"scope": ["response"], "name": "X-B", "value": "9", {{{Then(SetHeader("X-Branch", "then", "response"))}}}, {{{Else(SetHeader("X-Branch", "else", "response"))}}}}}""",
            Client(s => Values(s.Response, "X-Branch").Should().Equal("else"))) { NoOp = true },
        ["cookie.Filter response then"] = new($$$"""{"cookie.Filter": {"scope": ["response"], "name": "session", {{{Then(SetHeader("X-Branch", "then", "response"))}}}, {{{Else(SetHeader("X-Branch", "else", "response"))}}}}}""",
            Client(s => Values(s.Response, "X-Branch").Should().Equal("then"))) { NoOp = true },
        ["cookie.Filter response else"] = new($$$"""{"cookie.Filter": {"scope": ["response"], "name": "other", {{{Then(SetHeader("X-Branch", "then", "response"))}}}, {{{Else(SetHeader("X-Branch", "else", "response"))}}}}}""",
            Client(s => Values(s.Response, "X-Branch").Should().Equal("else"))) { NoOp = true },

        // The response scope runs before the status check and the decoding of a json backend.
        ["body.Modifier response before decoding"] = new($$$"""{"body.Modifier": {"scope": ["response"], "body": "{{{YouRock}}}", "contentType": "application/json"}}""",
            Client(s => s.Body.Should().Be("""{"msg":"you rock!"}"""))),
        ["status.Modifier response before the status check"] = new("""{"status.Modifier": {"statusCode": 200}}""",
            Client(s => s.Response.StatusCode.Should().Be(HttpStatusCode.OK)))
        {
            EndpointKeys = InputQuery("status"),
            Query = "?status=404",
        },
    };

    public static TheoryData<string> Cases => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_modifier_and_filter_has_its_effect(string name)
    {
        var row = Table[name];
        await using var backend = await TestBackend.StartAsync(Answer);
        var port = new Uri(backend.Host).Port;
        var host = row.ClosedHost ? ClosedPort.Host() : backend.Host;
        var encoding = row.NoOp ? "no-op" : "json";
        var block = row.Block.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$$"""
            {"endpoint": "/m", {{{row.EndpointKeys}}} "output_encoding": "{{{encoding}}}",
             "backend": [{"host": ["{{{host}}}"], "url_pattern": "/received", "encoding": "{{{encoding}}}",
                          "extra_config": {"modifier/martian": {{{block}}}}}]}
            """));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/m" + row.Query);
        foreach (var (header, value) in row.Headers)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        using var response = await gateway.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        row.Check(new Seen(backend.Received.SingleOrDefault(), response, body, new Uri(host).Authority));
    }

    // The backend answers with headers for the response-scope rows; ?status= picks another status.
    private static Task Answer(HttpContext context)
    {
        context.Response.Headers["X-B"] = "1";
        context.Response.Headers["X-From"] = "from-value";
        context.Response.Headers["X-Secret"] = "s";
        context.Response.Headers.SetCookie = "session=abc";
        var status = context.Request.Query["status"] is [{ } text] ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 200;
        return TestBackend.Json(context, """{"a":1}""", status);
    }
}
