using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

/// <summary>Variables across levels: a workflow's backends see only what the level above handed down.</summary>
public sealed class WorkflowScopeTests
{
    private const string Level2 = "endpoints[0].backend[0].extra_config.workflow";
    private const string Level3 = Level2 + ".backend[0].extra_config.workflow";

    /// <summary>
    /// Endpoint <c>/users/{id}</c> (level 1, validating tokens) whose backend, with the given url_pattern, opens the given
    /// workflow.
    /// </summary>
    private static string Nested(string ownerPattern, string workflow) => Service($$"""
        {"endpoint": "/users/{id}", "input_headers": ["X-Tenant"], "input_query_strings": ["page"], "backend": [
          {"url_pattern": "{{ownerPattern}}", "extra_config": {"workflow": {{workflow}} } }],
         "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "https://idp.example.com/jwks"} } }
        """);

    [Theory]
    [InlineData("/__workflow/{id}", "/w", "/u/{id}")]
    [InlineData("/__workflow", "/w/{id}", "/u/{id}")]
    [InlineData("/__workflow/{JWT.sub}", "/w", "/u/{JWT.sub}")]
    [InlineData("/__workflow/{resp0_user.id}", "/w", "/u/{resp0_user.id}")]
    [InlineData("/__workflow", "/w/{resp0_user.id}", "/u?id={resp0_user.id}")]
    [InlineData("/__workflow/{input_headers.X-Tenant}", "/w", "/u/{input_headers.X-Tenant}")]
    [InlineData("/__workflow?p={input_query_strings.page}", "/w", "/u?p={input_query_strings.page}")]
    public void Variables_declared_by_the_opening_backend_or_the_workflow_endpoint_are_defined(
        string ownerPattern, string workflowEndpoint, string urlPattern)
    {
        LoadValid(Nested(ownerPattern, $$"""{"endpoint": "{{workflowEndpoint}}", "backend": [{"url_pattern": "{{urlPattern}}"}]}"""));
    }

    [Theory]
    [InlineData("/u/{id}", "id")]
    [InlineData("/u/{JWT.sub}", "JWT.sub")]
    [InlineData("/u/{resp0_user.id}", "resp0_user.id")]
    [InlineData("/u/{input_headers.X-Tenant}", "input_headers.X-Tenant")]
    [InlineData("/u?p={input_query_strings.page}", "input_query_strings.page")]
    public void An_undeclared_variable_at_level_2_is_an_error(string urlPattern, string name)
    {
        LoadErrors(Nested("/__workflow", $$"""{"endpoint": "/w", "backend": [{"url_pattern": "{{urlPattern}}"}]}"""))
            .Should().Equal($"{Level2}.backend[0].url_pattern: undefined output param '{name}'!");
    }

    [Fact]
    public void An_undeclared_variable_at_level_3_is_an_error()
    {
        LoadErrors(Nested("/__workflow/{id}", """
            {"endpoint": "/w/{id}", "backend": [{"url_pattern": "/__workflow/{id}", "extra_config": {"workflow":
              {"endpoint": "/w3/{id}", "backend": [{"url_pattern": "/u/{id}/{name}"}]}}}]}
            """)).Should().Equal($"{Level3}.backend[0].url_pattern: undefined output param 'name'!");
    }

    [Fact]
    public void A_variable_of_level_1_that_level_2_does_not_pass_down_is_undefined_at_level_3()
    {
        LoadErrors(Nested("/__workflow/{id}", """
            {"endpoint": "/w/{id}", "backend": [
              {"url_pattern": "/__workflow/step", "extra_config": {"workflow":
                {"endpoint": "/w3", "backend": [{"url_pattern": "/u/{id}"}]}}}]}
            """)).Should().Equal($"{Level3}.backend[0].url_pattern: undefined output param 'id'!");
    }

    [Fact]
    public void A_workflow_endpoint_may_only_declare_what_its_parent_level_defines()
    {
        LoadErrors(Nested("/__workflow", """
            {"endpoint": "/w/{id}/{user}/{input_headers.X-Other}", "backend": [{"url_pattern": "/u/{user}"}]}
            """)).Should().Equal(
            $"{Level2}.endpoint: undefined output param 'user'!",
            $"{Level2}.endpoint: undefined output param 'input_headers.X-Other'!");
    }

    [Fact]
    public void A_nested_workflow_endpoint_is_checked_against_the_workflow_above_it()
    {
        LoadErrors(Nested("/__workflow/{id}", """
            {"endpoint": "/w", "backend": [{"url_pattern": "/__workflow", "extra_config": {"workflow":
              {"endpoint": "/w3/{id}/{JWT.sub}", "backend": [{"url_pattern": "/u/{id}"}]}}}]}
            """)).Should().Equal($"{Level2}.backend[0].extra_config.workflow.endpoint: undefined output param 'JWT.sub'!");
    }

    [Fact]
    public void A_sequential_workflow_step_may_use_the_results_of_earlier_steps()
    {
        LoadValid(Nested("/__workflow", """
            {"endpoint": "/w", "extra_config": {"proxy": {"sequential": true}}, "backend": [
              {"url_pattern": "/a"},
              {"url_pattern": "/b/{resp0_x}"},
              {"url_pattern": "/c/{resp0_x}/{resp1_y.z}"}]}
            """));
    }

    [Fact]
    public void A_sequential_workflow_step_cannot_use_its_own_or_a_later_result()
    {
        LoadErrors(Nested("/__workflow", """
            {"endpoint": "/w", "extra_config": {"proxy": {"sequential": true}}, "backend": [
              {"url_pattern": "/a/{resp0_x}"},
              {"url_pattern": "/b/{resp2_y}"},
              {"url_pattern": "/c"}]}
            """)).Should().Equal(
            $"{Level2}.backend[0].url_pattern: undefined output param 'resp0_x'!",
            $"{Level2}.backend[1].url_pattern: undefined output param 'resp2_y'!");
    }

    [Fact]
    public void A_parallel_workflow_step_cannot_use_results_of_its_siblings()
    {
        LoadErrors(Nested("/__workflow", """
            {"endpoint": "/w", "backend": [{"url_pattern": "/a"}, {"url_pattern": "/b/{resp0_x}"}]}
            """)).Should().Equal($"{Level2}.backend[1].url_pattern: undefined output param 'resp0_x'!");
    }

    [Fact]
    public void A_workflow_inside_a_sequential_workflow_may_declare_an_earlier_steps_result()
    {
        LoadErrors(Nested("/__workflow", """
            {"endpoint": "/w", "extra_config": {"proxy": {"sequential": true}}, "backend": [
              {"url_pattern": "/a"},
              {"url_pattern": "/__workflow", "extra_config": {"workflow":
                {"endpoint": "/w3/{resp0_id}/{resp1_id}", "backend": [{"url_pattern": "/u/{resp0_id}"}]}}}]}
            """)).Should().Equal(
            $"{Level2}.backend[1].extra_config.workflow.endpoint: undefined output param 'resp1_id'!");
    }
}
