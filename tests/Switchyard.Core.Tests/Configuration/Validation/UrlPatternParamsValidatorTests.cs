using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class UrlPatternParamsValidatorTests
{
    private static string WithPatterns(string endpoint, string urlPattern, string endpointKeys = "") =>
        Service($$"""{"endpoint": "{{endpoint}}", "backend": [{"url_pattern": "{{urlPattern}}"}] {{endpointKeys}}}""");

    [Theory]
    [InlineData("/users/{id}", "/u/{id}")]
    [InlineData("/users/{id}", "/u?user={id}&x={id}")]
    [InlineData("/users/{id}/{kind}", "/{kind}/{id}")]
    [InlineData("/e", "/u/{resp0_user.id}")]
    [InlineData("/e", "/u/{resp12_a}")]
    [InlineData("/e", "/u/{resp0_x.JWT.sub}")]
    public void Defined_params_are_accepted(string endpoint, string urlPattern)
    {
        LoadValid(WithPatterns(endpoint, urlPattern));
    }

    private const string Validator = """
        , "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "https://idp.example.com/jwks"}}
        """;

    [Theory]
    [InlineData("/u/{JWT.sub}")]
    [InlineData("/u/{JWT.https://example.com/tenant}")]
    [InlineData("/u/{JWT.tenant.id}?q={JWT.sub}")]
    public void Claims_are_defined_where_auth_validator_validates_the_token(string urlPattern)
    {
        LoadValid(WithPatterns("/e", urlPattern, Validator));
    }

    [Fact]
    public void Claims_without_auth_validator_are_an_error_that_says_so()
    {
        LoadErrors(WithPatterns("/e", "/u/{JWT.sub}")).Should().Equal(
            "endpoints[0].backend[0].url_pattern: '{JWT.sub}' reads the token's claims: the endpoint needs auth/validator");
    }

    [Theory]
    [InlineData("/users/{id}", "/u/{user}", "user")]
    [InlineData("/users/{id}", "/u/{Id}", "Id")]
    [InlineData("/e", "/u/{resp_x}", "resp_x")]
    [InlineData("/e", "/u/{resp0}", "resp0")]
    [InlineData("/e", "/u/{jwt.sub}", "jwt.sub")]
    [InlineData("/e", "/u?q={q}", "q")]
    public void Undefined_params_are_errors(string endpoint, string urlPattern, string param)
    {
        LoadErrors(WithPatterns(endpoint, urlPattern)).Should().Equal(
            $"endpoints[0].backend[0].url_pattern: undefined output param '{param}'!");
    }

    [Fact]
    public void Each_undefined_param_is_reported_once()
    {
        LoadErrors(WithPatterns("/e", "/{a}/{b}/{a}")).Should().Equal(
            "endpoints[0].backend[0].url_pattern: undefined output param 'a'!",
            "endpoints[0].backend[0].url_pattern: undefined output param 'b'!");
    }

    [Theory]
    [InlineData("\"input_headers\": [\"x-tenant\"]")]
    [InlineData("\"input_headers\": [\"*\"]")]
    public void Forwarded_headers_are_defined_params(string endpointKeys)
    {
        LoadValid(WithPatterns("/e", "/t/{input_headers.X-Tenant}", ", " + endpointKeys));
    }

    [Theory]
    [InlineData("", "input_headers.X-Tenant")]
    [InlineData(", \"input_headers\": [\"X-Other\"]", "input_headers.X-Tenant")]
    public void Headers_the_endpoint_does_not_forward_are_undefined_params(string endpointKeys, string param)
    {
        LoadErrors(WithPatterns("/e", "/t/{input_headers.X-Tenant}", endpointKeys)).Should().Equal(
            $"endpoints[0].backend[0].url_pattern: undefined output param '{param}'!");
    }

    [Theory]
    [InlineData("\"input_query_strings\": [\"page\"]")]
    [InlineData("\"input_query_strings\": [\"*\"]")]
    public void Forwarded_query_strings_are_defined_params(string endpointKeys)
    {
        LoadValid(WithPatterns("/e", "/t?p={input_query_strings.page}", ", " + endpointKeys));
    }

    [Theory]
    [InlineData("")]
    [InlineData(", \"input_query_strings\": [\"Page\"]")]
    [InlineData(", \"input_query_strings\": [\"other\"]")]
    public void Query_strings_the_endpoint_does_not_forward_are_undefined_params(string endpointKeys)
    {
        LoadErrors(WithPatterns("/e", "/t?p={input_query_strings.page}", endpointKeys)).Should().Equal(
            "endpoints[0].backend[0].url_pattern: undefined output param 'input_query_strings.page'!");
    }

    [Fact]
    public void A_header_prefix_without_a_name_is_undefined()
    {
        LoadErrors(WithPatterns("/e", "/t/{input_headers.}", ", \"input_headers\": [\"*\"]")).Should().Equal(
            "endpoints[0].backend[0].url_pattern: undefined output param 'input_headers.'!");
    }

    [Theory]
    [InlineData("/u/{resp0_user.id}")]
    [InlineData("/u/{input_headers.X-Message-Id}")]
    [InlineData("/u?key={input_headers.X-Routing-Key}")]
    public void An_agent_pipe_declares_sequential_results_and_message_headers(string urlPattern)
    {
        LoadValid(ServiceWithAgentBackends($$"""{"url_pattern": "{{urlPattern}}"}"""));
    }

    [Theory]
    [InlineData("/u/{id}", "id")]
    [InlineData("/u/{JWT.sub}", "JWT.sub")]
    [InlineData("/u?q={input_query_strings.q}", "input_query_strings.q")]
    public void An_agent_pipe_has_no_route_params_token_or_query(string urlPattern, string param)
    {
        LoadErrors(ServiceWithAgentBackends($$"""{"url_pattern": "{{urlPattern}}"}""")).Should().Equal(
            $"async_agent[0].backend[0].url_pattern: undefined output param '{param}'!");
    }

    [Fact]
    public void An_agent_name_declares_no_params()
    {
        LoadErrors(ServiceWithAgents("""
            {"name": "{id}", "consumer": {"topic": "#"}, "backend": [{"url_pattern": "/u/{id}"}], "extra_config": {"async/memory": {}}}
            """)).Should().Equal("async_agent[0].backend[0].url_pattern: undefined output param 'id'!");
    }
}

