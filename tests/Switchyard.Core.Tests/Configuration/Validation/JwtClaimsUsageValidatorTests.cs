using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class JwtClaimsUsageValidatorTests
{
    private const string Validator = """
        "auth/validator": {"alg": "RS256", "jwk_url": "https://idp.example.com/jwks"}
        """;

    private const string NotHere =
        "'JWT' (the token's claims) is read only by the validation/cel expressions and the security/policies jwt section "
        + "of a published endpoint with auth/validator";

    [Fact]
    public void Claims_are_read_by_the_validation_cel_and_jwt_policies_of_an_endpoint_with_a_validator()
    {
        var endpoint = LoadValid(ServiceWithEndpoint("""
            "extra_config": {%V%,
              "validation/cel": [{"check_expr": "size(JWT.roles) > 1"}, {"check_expr": "req_method == 'GET'"}],
              "security/policies": {"jwt": {"policies": ["JWT.tenant == 'acme'", "timestamp(JWT.since) < now"]}}}
            """.Replace("%V%", Validator, StringComparison.Ordinal))).Endpoints[0];

        endpoint.Policies!.Jwt.Should().HaveCount(2);
    }

    [Fact]
    public void A_claim_check_may_read_only_the_token_and_now()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {%V%, "validation/cel": [{"check_expr": "JWT.sub == req_params.Id && req_method == 'GET'"}]}
            """.Replace("%V%", Validator, StringComparison.Ordinal))).Should().Equal(
            "endpoints[0].extra_config.validation/cel[0].check_expr: an expression over the token runs before the request is read: it may read JWT and now only, not req_method, req_params");
    }

    [Fact]
    public void A_jwt_policy_may_read_only_the_token_and_now()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {%V%, "security/policies": {"jwt": {"policies": ["req_method == 'GET'"]}}}
            """.Replace("%V%", Validator, StringComparison.Ordinal))).Should().Equal(
            "endpoints[0].extra_config.security/policies.jwt.policies[0]: an expression over the token runs before the request is read: it may read JWT and now only, not req_method");
    }

    [Fact]
    public void Jwt_policies_without_a_validator_would_never_run()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"security/policies": {"jwt": {"policies": ["JWT.sub != ''"]}}}
            """.Replace("%V%", Validator, StringComparison.Ordinal))).Should().Equal(
            "endpoints[0].extra_config.security/policies.jwt: jwt policies need auth/validator on this endpoint: without a validated token they would never run");
    }

    [Fact]
    public void Claims_without_a_validator_are_an_error()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"validation/cel": [{"check_expr": "JWT.sub != ''"}]}
            """.Replace("%V%", Validator, StringComparison.Ordinal))).Should().Equal("endpoints[0].extra_config.validation/cel[0].check_expr: " + NotHere);
    }

    [Theory]
    [InlineData("req")]
    [InlineData("resp")]
    public void Request_and_response_policies_do_not_read_claims(string section)
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {%V%, "security/policies": {"%S%": {"policies": ["JWT.sub != ''"]}}}
            """.Replace("%V%", Validator, StringComparison.Ordinal).Replace("%S%", section, StringComparison.Ordinal))).Should().Equal($"endpoints[0].extra_config.security/policies.{section}.policies[0]: " + NotHere);
    }

    [Fact]
    public void A_backend_does_not_read_claims()
    {
        LoadErrors(Service("""
            {"endpoint": "/e", "extra_config": {%V%},
             "backend": [{"url_pattern": "/b", "extra_config": {"validation/cel": [{"check_expr": "JWT.sub != ''"}]}}]}
            """.Replace("%V%", Validator, StringComparison.Ordinal))).Should().Equal("endpoints[0].backend[0].extra_config.validation/cel[0].check_expr: " + NotHere);
    }

    [Fact]
    public void A_workflow_does_not_read_claims()
    {
        LoadErrors(ServiceWithWorkflow("""
            {"endpoint": "/w", "backend": [{"url_pattern": "/x"}], "extra_config": {"validation/cel": [{"check_expr": "has(JWT.sub)"}]}}
            """.Replace("%V%", Validator, StringComparison.Ordinal))).Should().Equal(WorkflowPath + ".extra_config.validation/cel[0].check_expr: " + NotHere);
    }

    [Fact]
    public void An_agent_does_not_read_claims()
    {
        LoadErrors(ServiceWithAgents(MemoryAgent("""
            "extra_config": {"async/memory": {}, "validation/cel": [{"check_expr": "has(JWT.sub)"}]}
            """.Replace("%V%", Validator, StringComparison.Ordinal)))).Should().Equal("async_agent[0].extra_config.validation/cel[0].check_expr: " + NotHere);
    }
}
