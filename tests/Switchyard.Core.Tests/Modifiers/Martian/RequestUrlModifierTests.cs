using static Switchyard.Core.Tests.Modifiers.Martian.MartianFixture;

namespace Switchyard.Core.Tests.Modifiers.Martian;

/// <summary>The modifiers that change where the request goes or what it asks for: query, URL, port, cookie.</summary>
public sealed class RequestUrlModifierTests
{
    [Fact]
    public void QueryString_Modifier_sets_one_value_and_writes_the_query_again_sorted()
    {
        var request = Parse("""{"querystring.Modifier": {"name": "amount", "value": "75"}}""")
            .ModifyRequest(Request("http://backend:8000/b?currency=EUR&amount=55&amount=56&a=x+y"));

        request.RequestUri!.OriginalString.Should().Be("http://backend:8000/b?a=x+y&amount=75&currency=EUR");
    }

    [Fact]
    public void QueryString_Modifier_adds_a_query_to_a_url_without_one()
    {
        Parse("""{"querystring.Modifier": {"name": "legacy", "value": "a b"}}""").ModifyRequest(Request("http://backend:8000/b"))
            .RequestUri!.OriginalString.Should().Be("http://backend:8000/b?legacy=a+b");
    }

    [Fact]
    public void Url_Modifier_overwrites_the_parts_it_is_given_and_keeps_the_backend_host_header()
    {
        var request = Parse("""{"url.Modifier": {"host": "other:9000", "path": "/new path", "query": "flag=true"}}""")
            .ModifyRequest(Request("http://backend:8000/b?x=1"));

        request.RequestUri!.OriginalString.Should().Be("http://other:9000/new%20path?flag=true");
        request.Headers.Host.Should().Be("backend:8000");
    }

    [Fact]
    public void Url_Modifier_with_only_a_scheme_leaves_the_rest()
    {
        Parse("""{"url.Modifier": {"scheme": "https"}}""").ModifyRequest(Request("http://backend:8000/b?x=1"))
            .RequestUri!.OriginalString.Should().Be("https://backend:8000/b?x=1");
    }

    [Theory]
    [InlineData("""{"port": 9000}""", "http://backend:8000/b", "http://backend:9000/b")]
    [InlineData("""{"port": 9000}""", "http://backend/b", "http://backend:9000/b")]
    [InlineData("""{"remove": true}""", "http://backend:8000/b", "http://backend/b")]
    [InlineData("""{"defaultForScheme": true}""", "http://backend:8000/b", "http://backend:80/b")]
    [InlineData("""{"defaultForScheme": true}""", "https://backend:8443/b", "https://backend:443/b")]
    [InlineData("""{"port": 9000}""", "http://[::1]:8000/b", "http://[::1]:9000/b")]
    public void Port_Modifier_moves_the_request_to_another_port(string settings, string url, string expected)
    {
        var request = Parse($$"""{"port.Modifier": {{settings}}}""").ModifyRequest(Request(url));

        request.RequestUri!.OriginalString.Should().Be(expected);
        request.Headers.Host.Should().Be(url.Split('/')[2], "the Host header stays the backend's, as in KrakenD");
    }

    [Fact]
    public void Cookie_Modifier_adds_to_the_request_cookie_header()
    {
        var modifier = Parse("""{"cookie.Modifier": {"name": "AcceptCookies", "value": "yes"}}""");
        var request = Request();
        request.Headers.TryAddWithoutValidation("Cookie", "a=1");

        modifier.ModifyRequest(request).Values("Cookie").Should().Equal("a=1; AcceptCookies=yes");
        modifier.ModifyRequest(Request()).Values("Cookie").Should().Equal("AcceptCookies=yes");
    }

    [Fact]
    public void Cookie_Modifier_sets_a_cookie_on_the_response_as_go_writes_it()
    {
        var response = Parse("""
            {"cookie.Modifier": {"name": "AcceptCookies", "value": "yes", "path": "/some/path", "domain": ".example.com",
              "expires": "2025-04-12T23:20:50.52Z", "secure": true, "httpOnly": true, "maxAge": 86400}}
            """).ModifyResponse(Response());

        response.Values("Set-Cookie").Should().Equal(
            "AcceptCookies=yes; Path=/some/path; Domain=example.com; Expires=Sat, 12 Apr 2025 23:20:50 GMT; Max-Age=86400; HttpOnly; Secure");
    }

    [Fact]
    public void A_negative_max_age_is_written_as_zero()
    {
        Parse("""{"cookie.Modifier": {"name": "c", "value": "v", "maxAge": -1}}""").ModifyResponse(Response())
            .Values("Set-Cookie").Should().Equal("c=v; Max-Age=0");
    }
}
