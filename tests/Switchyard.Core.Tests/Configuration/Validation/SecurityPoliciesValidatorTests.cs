using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class SecurityPoliciesValidatorTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(403)]
    [InlineData(599)]
    public void Statuses_from_100_to_599_are_valid(int status)
    {
        LoadValid(ServiceWithEndpoint($$"""
            "extra_config": {"security/policies": {"req": {"policies": ["true"], "error": {"status": {{status}} } } } }
            """));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    [InlineData(600)]
    public void A_status_outside_100_to_599_is_an_error(int status)
    {
        LoadErrors(ServiceWithBackend($$"""
            "extra_config": {"security/policies": {"resp": {"policies": ["true"], "error": {"status": {{status}} } } } }
            """)).Should().Equal(
            $"endpoints[0].backend[0].extra_config.security/policies.resp.error.status: status must be between 100 and 599, got {status}");
    }

    [Fact]
    public void A_bad_status_in_a_workflow_step_is_reported_at_its_path()
    {
        LoadErrors(ServiceWithWorkflow("""
            {"endpoint": "/w", "backend": [{"url_pattern": "/x",
              "extra_config": {"security/policies": {"req": {"policies": ["true"], "error": {"status": 1000}}}}}]}
            """)).Should().Equal(
            WorkflowPath + ".backend[0].extra_config.security/policies.req.error.status: status must be between 100 and 599, got 1000");
    }

    [Fact]
    public void Empty_policies_are_errors()
    {
        LoadErrors(ServiceWithWorkflow("""
            {"endpoint": "/w", "backend": [{"url_pattern": "/x"}],
             "extra_config": {"security/policies": {"req": {"policies": ["true", "", "  "]}}}}
            """)).Should().Equal(
            WorkflowPath + ".extra_config.security/policies.req.policies[1]: a policy must be a non-empty expression",
            WorkflowPath + ".extra_config.security/policies.req.policies[2]: a policy must be a non-empty expression");
    }

    [Fact]
    public void A_list_with_a_non_string_is_reported_once_at_that_item()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"security/policies": {"req": {"policies": [1, ""]}}}
            """)).Should().Equal(
            "endpoints[0].extra_config.security/policies.req.policies[0]: expected a string, got number 1");
    }
}
