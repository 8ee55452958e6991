using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Tests.Pipeline;

public sealed class UrlTemplateTests
{
    private static ProxyRequest WithParams(params (string Key, string Value)[] values) => new()
    {
        Params = values.ToDictionary(v => v.Key, v => v.Value),
        Headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase) { ["User-Agent"] = ["curl/8.6.0"] },
    };

    [Theory]
    [InlineData("/users/{id}", "42", "/users/42")]
    [InlineData("/users/{id}", "a/b", "/users/a%2Fb")]
    [InlineData("/users/{id}", "..", "/users/%2E%2E")]
    [InlineData("/users/{id}", "a b", "/users/a%20b")]
    [InlineData("/users/{id}", "x\r\nHost: evil", "/users/x%0D%0AHost:%20evil")]
    [InlineData("/users/{id}", "a?b#c", "/users/a%3Fb%23c")]
    [InlineData("/users/{id}", "100%", "/users/100%25")]
    [InlineData("/users/{id}", "ñ", "/users/%C3%B1")]
    [InlineData("/search?q={id}", "a&admin=1", "/search?q=a%26admin%3D1")]
    [InlineData("/search?q={id}", "x+y z", "/search?q=x%2By%20z")]
    [InlineData("/search?q={id}", "curl/8.6.0", "/search?q=curl/8.6.0")]
    public void Values_are_encoded_for_the_part_of_the_url_they_land_in(string pattern, string value, string expected)
    {
        UrlTemplate.Parse(pattern).Expand(WithParams(("Id", value))).Should().Be(expected);
    }

    [Fact]
    public void Parameter_keys_have_their_first_letter_upper_cased()
    {
        UrlTemplate.ParamKey("id_user").Should().Be("Id_user");
        UrlTemplate.ParamKey("resp0_a.b").Should().Be("Resp0_a.b");
        UrlTemplate.ParamKey("JWT.sub").Should().Be("JWT.sub");
    }

    [Fact]
    public void Unresolved_placeholders_stay_literal()
    {
        UrlTemplate.Parse("/a/{missing}/b").Expand(WithParams()).Should().Be("/a/{missing}/b");
    }

    [Fact]
    public void Input_header_placeholders_read_the_client_header()
    {
        var template = UrlTemplate.Parse("/__echo/welcome/{resp0_msg}?ua={input_headers.User-Agent}");

        template.Expand(WithParams(("Resp0_msg", "pong"))).Should().Be("/__echo/welcome/pong?ua=curl/8.6.0");
        template.Placeholders.Should().Equal("resp0_msg", "input_headers.User-Agent");
    }

    [Fact]
    public void Input_query_string_placeholders_read_the_first_client_value()
    {
        var request = WithParams() with { Query = new Dictionary<string, string[]> { ["page"] = ["2", "3"] } };

        UrlTemplate.Parse("/items?p={input_query_strings.page}&q={input_query_strings.missing}").Expand(request)
            .Should().Be("/items?p=2&q={input_query_strings.missing}");
    }

    [Fact]
    public void A_pattern_without_placeholders_is_returned_as_is()
    {
        UrlTemplate.Parse("/static/path?x=1").Expand(WithParams()).Should().Be("/static/path?x=1");
    }

    [Theory]
    [InlineData("/u/{JWT.sub}", "/u/user%201")]
    [InlineData("/u/{JWT.http://example.com/tenant}", "/u/acme")]
    [InlineData("/u/{JWT.org.id}/{JWT.org.name}", "/u/42/a%2Fb")]
    [InlineData("/u?roles={JWT.roles}&level={JWT.level}", "/u?roles=admin,auditor&level=3.500000")]
    [InlineData("/u/{JWT.missing}/{JWT.org.missing}", "/u/{JWT.missing}/{JWT.org.missing}")]
    public void Claim_placeholders_read_the_validated_token_whole_names_first_then_dotted_paths(string pattern, string expected)
    {
        var request = WithParams() with
        {
            Claims = System.Text.Json.Nodes.JsonNode.Parse("""
                {"sub": "user 1", "http://example.com/tenant": "acme", "org": {"id": 42, "name": "a/b"},
                 "roles": ["admin", "auditor"], "level": 3.5}
                """)!.AsObject(),
        };

        UrlTemplate.Parse(pattern).Expand(request).Should().Be(expected);
    }

    [Fact]
    public void Claim_placeholders_stay_literal_without_a_validated_token()
    {
        UrlTemplate.Parse("/u/{JWT.sub}").Expand(WithParams()).Should().Be("/u/{JWT.sub}");
    }
}
