using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class PolicyExpressionValidatorTests
{
    [Fact]
    public void Valid_expressions_load()
    {
        LoadValid(ServiceWithEndpoint("""
            "extra_config": {
              "security/policies": {"req": {"policies": ["req_params.Id == '1' && req_method in ['GET', 'POST']"]},
                                    "resp": {"policies": ["has(resp_data.user) && resp_completed"]}},
              "validation/cel": [{"check_expr": "size(req_path) > 0"}]}
            """));
    }

    [Fact]
    public void A_syntax_error_is_reported_with_its_path_and_column()
    {
        var errors = LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"security/policies": {"req": {"policies": ["true", "req_method == "]}}}
            """));

        errors.Should().ContainSingle().Which.Should()
            .StartWith("endpoints[0].extra_config.security/policies.req.policies[1]: column ")
            .And.Contain("Syntax error");
    }

    [Fact]
    public void An_undeclared_variable_is_reported_with_its_column()
    {
        var errors = LoadErrors(ServiceWithBackend("""
            "extra_config": {"validation/cel": [{"check_expr": "req_method == 'GET' && user == 'x'"}]}
            """));

        errors.Should().ContainSingle().Which.Should().Be(
            "endpoints[0].backend[0].extra_config.validation/cel[0].check_expr: column 24: undeclared reference to 'user' in 'req_method == 'GET' && user == 'x''");
    }

    [Fact]
    public void A_type_error_is_reported()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"security/policies": {"resp": {"policies": ["req_method == 1"]}}}
            """)).Should().ContainSingle().Which.Should().Contain("found no matching overload for '_==_' applied to '(string, int)'");
    }

    [Fact]
    public void A_policy_that_is_not_a_bool_is_an_error()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"security/policies": {"req": {"policies": ["size(req_path)"]}}}
            """)).Should().ContainSingle().Which.Should().EndWith("a policy must be a bool expression, 'size(req_path)' is int");
    }

    [Fact]
    public void Expressions_inside_workflows_are_checked_at_their_path()
    {
        LoadErrors(ServiceWithWorkflow("""
            {"endpoint": "/w", "backend": [{"url_pattern": "/x",
              "extra_config": {"security/policies": {"req": {"policies": ["req_params.Id =="]}}}}]}
            """)).Should().ContainSingle().Which.Should().StartWith(WorkflowPath + ".backend[0].extra_config.security/policies.req.policies[0]: column");
    }
}
