using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class WorkflowTimeoutValidatorTests
{
    [Theory]
    [InlineData("1s")]
    [InlineData("2s")]
    public void A_workflow_timeout_up_to_the_parents_is_valid(string timeout)
    {
        LoadValid(ServiceWithWorkflow($$"""{"endpoint": "/w", "timeout": "{{timeout}}", "backend": [{"url_pattern": "/x"}]}"""));
    }

    [Fact]
    public void A_workflow_timeout_longer_than_the_endpoints_is_an_error()
    {
        LoadErrors(ServiceWithWorkflow("""{"endpoint": "/w", "timeout": "3s", "backend": [{"url_pattern": "/x"}]}"""))
            .Should().Equal(WorkflowPath + ".timeout: a workflow's timeout (3s) must not exceed its parent's (2s)");
    }

    [Fact]
    public void A_nested_workflow_is_compared_with_the_workflow_above_it()
    {
        LoadErrors(Service("""
            {"endpoint": "/e", "timeout": "5s", "backend": [
              {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/w2", "timeout": "1500ms", "backend": [
                {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/w3", "timeout": "2s", "backend": [
                  {"url_pattern": "/x"}]}}}]}}}]}
            """)).Should().Equal(
            WorkflowPath + ".backend[0].extra_config.workflow.timeout: a workflow's timeout (2s) must not exceed its parent's (1.5s)");
    }
}
