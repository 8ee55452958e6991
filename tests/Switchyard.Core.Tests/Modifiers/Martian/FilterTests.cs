using static Switchyard.Core.Tests.Modifiers.Martian.MartianFixture;

namespace Switchyard.Core.Tests.Modifiers.Martian;

/// <summary>Every filter, both branches, in the scopes martian tests them.</summary>
public sealed class FilterTests
{
    private const string Then = "\"modifier\": {\"header.Modifier\": {\"name\": \"X-Branch\", \"value\": \"then\"}}";
    private const string Else = "\"else\": {\"header.Modifier\": {\"name\": \"X-Branch\", \"value\": \"else\"}}";

    [Theory]
    [InlineData("X-Tenant", "v1", "then")]
    [InlineData("X-Tenant", "v2", "else")]
    [InlineData("X-Other", "v1", "else")]
    public void Header_Filter_matches_a_header_with_exactly_the_value(string header, string value, string branch)
    {
        var modifier = Parse($$$"""{"header.Filter": {"name": "X-Tenant", "value": "v1", {{{Then}}}, {{{Else}}}}}""");
        var request = Request();
        request.Headers.TryAddWithoutValidation(header, value);
        var response = Response();
        response.Headers.TryAddWithoutValidation(header, value);

        modifier.ModifyRequest(request).Values("X-Branch").Should().Equal(branch);
        modifier.ModifyResponse(response).Values("X-Branch").Should().Equal(branch);
    }

    [Theory]
    [InlineData("v1.2.3-alpha", true)]
    [InlineData("v1.2.3", false)]
    [InlineData(null, false)]
    public void Header_RegexFilter_tests_the_request_header_in_both_scopes(string? version, bool matches)
    {
        var modifier = Parse($$$"""{"header.RegexFilter": {"header": "X-App-Version", "regex": ".*-(alpha|beta|preview)$", {{{Then}}}}}""");
        var request = Request();
        if (version is not null)
        {
            request.Headers.TryAddWithoutValidation("X-App-Version", version);
        }

        modifier.ModifyRequest(request).Values("X-Branch").Should().Equal(matches ? ["then"] : []);
        modifier.ModifyResponse(Response(request)).Values("X-Branch").Should().Equal(matches ? ["then"] : []);
    }

    [Theory]
    [InlineData("http://b/p?param=true", "then")]
    [InlineData("http://b/p?param=false", "else")]
    [InlineData("http://b/p", "else")]
    public void QueryString_Filter_matches_the_parameter_and_value(string url, string branch)
    {
        var modifier = Parse($$$"""{"querystring.Filter": {"name": "param", "value": "true", {{{Then}}}, {{{Else}}}}}""");

        modifier.ModifyRequest(Request(url)).Values("X-Branch").Should().Equal(branch);
        modifier.ModifyResponse(Response(Request(url))).Values("X-Branch").Should().Equal(branch);
    }

    [Fact]
    public void QueryString_Filter_without_a_value_matches_any_value()
    {
        Parse($$$"""{"querystring.Filter": {"name": "param", {{{Then}}}}}""").ModifyRequest(Request("http://b/p?param="))
            .Values("X-Branch").Should().Equal("then");
    }

    [Theory]
    [InlineData("http://api.example.com:8000/p?legacy=1", "then")]
    [InlineData("http://api.example.com:8000/p?legacy=0", "else")]
    [InlineData("http://api.other.com:8000/p?legacy=1", "else")]
    [InlineData("https://api.example.com:8000/p?legacy=1", "else")]
    [InlineData("http://api.example.com:8000/q?legacy=1", "else")]
    public void Url_Filter_needs_every_part_it_gives(string url, string branch)
    {
        var modifier = Parse($$$"""
            {"url.Filter": {"scheme": "http", "host": "*.example.com:8000", "path": "/p", "query": "legacy=1", {{{Then}}}, {{{Else}}}}}
            """);

        modifier.ModifyRequest(Request(url)).Values("X-Branch").Should().Equal(branch);
        modifier.ModifyResponse(Response(Request(url))).Values("X-Branch").Should().Equal(branch);
    }

    [Theory]
    [InlineData("example.com", "example.com", true)]
    [InlineData("api.example.com", "*.example.com", true)]
    [InlineData("example.com", "*.example.com", false)]
    [InlineData("api.example.org", "*.example.com", false)]
    [InlineData("a.b.example.com", "*.*.example.com", true)]
    [InlineData("api.example.com", "api.*.com", true)]
    [InlineData("", "*", false)]
    public void Url_Filter_hosts_match_as_martian_matches_them(string host, string pattern, bool matches)
    {
        Switchyard.Core.Modifiers.Martian.UrlCondition.MatchesHost(host, pattern).Should().Be(matches);
    }

    [Theory]
    [InlineData("http://localhost:8000/p?q=1", "then")]
    [InlineData("http://backend:8000/p", "else")]
    public void Url_RegexFilter_tests_the_full_url(string url, string branch)
    {
        var modifier = Parse($$$"""{"url.RegexFilter": {"regex": "localhost.*q=1", {{{Then}}}, {{{Else}}}}}""");

        modifier.ModifyRequest(Request(url)).Values("X-Branch").Should().Equal(branch);
        modifier.ModifyResponse(Response(Request(url))).Values("X-Branch").Should().Equal(branch);
    }

    [Theory]
    [InlineData("a=1; marketingCookies=yes", "then")]
    [InlineData("marketingCookies=\"yes\"", "then")]
    [InlineData("marketingCookies=no", "else")]
    [InlineData("other=yes", "else")]
    public void Cookie_Filter_reads_the_request_cookies(string cookie, string branch)
    {
        var request = Request();
        request.Headers.TryAddWithoutValidation("Cookie", cookie);

        Parse($$$"""{"cookie.Filter": {"name": "marketingCookies", "value": "yes", {{{Then}}}, {{{Else}}}}}""").ModifyRequest(request)
            .Values("X-Branch").Should().Equal(branch);
    }

    [Theory]
    [InlineData("session=abc; Path=/; HttpOnly", "then")]
    [InlineData("other=abc", "else")]
    public void Cookie_Filter_reads_the_response_set_cookies(string setCookie, string branch)
    {
        var response = Response();
        response.Headers.TryAddWithoutValidation("Set-Cookie", setCookie);

        Parse($$$"""{"cookie.Filter": {"name": "session", {{{Then}}}, {{{Else}}}}}""").ModifyResponse(response)
            .Values("X-Branch").Should().Equal(branch);
    }

    [Theory]
    [InlineData("http://b:1234/p", true)]
    [InlineData("http://b:8080/p", false)]
    [InlineData("http://b/p", false)]
    public void Port_Filter_matches_the_written_port(string url, bool matches)
    {
        var modifier = Parse($$$"""{"port.Filter": {"port": 1234, {{{Then}}}}}""");

        modifier.ModifyRequest(Request(url)).Values("X-Branch").Should().Equal(matches ? ["then"] : []);
        modifier.ModifyResponse(Response(Request(url))).Values("X-Branch").Should().Equal(matches ? ["then"] : []);
    }

    [Theory]
    [InlineData("http://b/p", 80, true)]
    [InlineData("https://b/p", 443, true)]
    [InlineData("https://b/p", 80, false)]
    public void Port_Filter_reads_the_scheme_port_when_none_is_written(string url, int port, bool matches)
    {
        Parse($$$"""{"port.Filter": {"port": {{{port}}}, {{{Then}}}}}""").ModifyRequest(Request(url))
            .Values("X-Branch").Should().Equal(matches ? ["then"] : []);
    }

    [Fact]
    public void A_branch_without_the_scope_at_hand_does_nothing()
    {
        var modifier = Parse("""
            {"header.Filter": {"name": "X-A", "value": "1",
              "modifier": {"header.Modifier": {"scope": ["request"], "name": "X-Branch", "value": "then"}}}}
            """);
        var response = Response();
        response.Headers.TryAddWithoutValidation("X-A", "1");

        modifier.ModifyResponse(response).Values("X-Branch").Should().BeEmpty();
    }
}
