using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class WorkflowEndpointValidatorTests
{
    [Fact]
    public void A_workflow_endpoint_is_required()
    {
        LoadErrors(ServiceWithWorkflow("""{"backend": [{"url_pattern": "/x"}]}""")).Should().Equal(
            WorkflowPath + ".endpoint: required: a name such as '/workflow/{param}'");
    }

    [Fact]
    public void A_workflow_endpoint_must_start_with_a_slash()
    {
        LoadErrors(ServiceWithWorkflow("""{"endpoint": "workflow", "backend": [{"url_pattern": "/x"}]}""")).Should().Equal(
            WorkflowPath + ".endpoint: 'workflow' must start with '/'");
    }

    [Fact]
    public void A_workflow_endpoint_of_the_wrong_type_is_reported_once()
    {
        LoadErrors(ServiceWithWorkflow("""{"endpoint": 1, "backend": [{"url_pattern": "/x"}]}""")).Should().Equal(
            WorkflowPath + ".endpoint: expected a string, got number 1");
    }

    [Fact]
    public void Workflow_names_are_not_routes()
    {
        // Reserved paths, a name equal to a published route, two workflows with one name, '*' in the middle.
        LoadValid(Service(
            """
            {"endpoint": "/e", "backend": [
              {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/__debug/x", "backend": [{"url_pattern": "/x"}]}}},
              {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/e", "backend": [{"url_pattern": "/x"}]}}},
              {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/e", "backend": [{"url_pattern": "/x"}]}}},
              {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/a*/b", "backend": [{"url_pattern": "/x"}]}}}]}
            """));
    }
}
