using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class SecurityPoliciesParserTests
{
    [Fact]
    public void Every_field_is_read()
    {
        var policies = LoadValid(ServiceWithEndpoint("""
            "extra_config": {"security/policies": {
              "req": {"policies": ["'X-A' in req_headers", "req_method == 'GET'"],
                      "error": {"status": 403, "body": "{\"denied\": true}", "content_type": "application/json"}},
              "resp": {"policies": ["resp_data.label == 'BENIGN'"]},
              "auto_join_policies": true, "debug": true}}
            """)).Endpoints[0].Policies;

        policies.Should().BeEquivalentTo(new SecurityPoliciesOptions
        {
            Request = new PolicySetOptions
            {
                Policies = ["'X-A' in req_headers", "req_method == 'GET'"],
                Error = new PolicyErrorOptions { Status = 403, Body = "{\"denied\": true}", ContentType = "application/json" },
            },
            Response = new PolicySetOptions { Policies = ["resp_data.label == 'BENIGN'"] },
            AutoJoinPolicies = true,
            Debug = true,
        });
    }

    [Fact]
    public void An_error_without_fields_keeps_the_defaults()
    {
        var error = LoadValid(ServiceWithBackend("""
            "extra_config": {"security/policies": {"req": {"policies": ["true"], "error": {}}}}
            """)).Endpoints[0].Backends[0].Policies!.Request!.Error;

        error.Should().BeEquivalentTo(new PolicyErrorOptions { Status = 500, Body = "", ContentType = "text/plain" });
    }

    [Fact]
    public void No_namespace_means_no_policies()
    {
        var endpoint = LoadValid(ServiceWithEndpoint("")).Endpoints[0];

        endpoint.Policies.Should().BeNull();
        endpoint.Backends[0].Policies.Should().BeNull();
    }

    [Fact]
    public void An_unknown_key_is_refused_since_it_may_hold_policies()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"security/policies": {"req": {"policies": ["true"]}, "requests": {"policies": ["false"]}}}
            """)).Should().Equal(
            "endpoints[0].extra_config.security/policies.requests: unknown key 'requests': refused, because it may configure a protection Switchyard does not enforce");
    }

    [Theory]
    [InlineData("""{"req": []}""", "security/policies.req: expected an object, got array")]
    [InlineData("""{"req": {"policies": "true"}}""", "security/policies.req.policies: expected an array of strings, got string \"true\"")]
    [InlineData("""{"resp": {"policies": [true]}}""", "security/policies.resp.policies[0]: expected a string, got boolean true")]
    [InlineData("""{"req": {"error": {"status": "403"}}}""", "security/policies.req.error.status: expected an integer, got string \"403\"")]
    public void Values_of_the_wrong_type_are_errors(string policies, string error)
    {
        LoadErrors(ServiceWithEndpoint($$"""
            "extra_config": {"security/policies": {{policies}}}
            """)).Should().Equal("endpoints[0].extra_config." + error);
    }

    [Fact]
    public void The_jwt_section_is_read_on_a_published_endpoint()
    {
        var policies = LoadValid(ServiceWithEndpoint("""
            "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "https://idp/jwks"},
                             "security/policies": {"jwt": {"policies": ["JWT.sub != ''"]}}}
            """)).Endpoints[0].Policies!;

        policies.Jwt.Should().Equal("JWT.sub != ''");
    }

    [Fact]
    public void The_jwt_section_is_refused_on_a_backend_where_no_token_is_validated()
    {
        LoadErrors(ServiceWithBackend("""
            "extra_config": {"security/policies": {"jwt": {"policies": ["JWT.sub != ''"]}}}
            """)).Should().Equal(
            "endpoints[0].backend[0].extra_config.security/policies.jwt: 'jwt' policies run where the token is validated, on a published endpoint only: "
            + "refused on backends, because they would never run");
    }

    [Fact]
    public void The_jwt_section_needs_policies()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "https://idp/jwks"}, "security/policies": {"jwt": {}}}
            """)).Should().Equal("endpoints[0].extra_config.security/policies.jwt.policies: required: at least one policy");
    }
}
