using System.Text.Json.Nodes;
using Switchyard.Functions.Packaging;

namespace Switchyard.Functions.Tests.Packaging;

public sealed class FunctionAppPackageTests
{
    private static readonly JsonObject Template = new() { ["version"] = "2.0" };

    [Fact]
    public void Each_host_fed_agent_gets_a_folder_named_by_function_names_and_memory_agents_are_skipped_with_a_warning()
    {
        var package = FunctionAppPackage.Create(
            TestAgents.Config(
                TestAgents.ServiceBusQueue("orders.v1", "orders"),
                TestAgents.Memory("local"),
                TestAgents.StorageQueue("thumbs", "images")),
            Template,
            "app");

        package.Functions.Should().Equal("wildcard", "agent_orders_v1", "agent_thumbs");
        package.Files.Select(f => f.Path).Should().BeEquivalentTo(
            "host.json", "wildcard/function.json", "agent_orders_v1/function.json", "agent_thumbs/function.json",
            "local.settings.json", "main.parameters.json", "main.bicepparam", "README.md");
        package.Warnings.Should().ContainSingle().Which.Should().Contain("'local'").And.Contain("async/memory");
        package.Errors.Should().BeEmpty();
    }

    [Fact]
    public void An_amqp_agent_is_packaged_with_a_warning_that_its_trigger_needs_a_premium_or_dedicated_plan()
    {
        var package = FunctionAppPackage.Create(TestAgents.Config(TestAgents.RabbitMq("legacy", "legacy-q")), Template, "app");

        package.Functions.Should().Equal("wildcard", "agent_legacy");
        package.Warnings.Should().ContainSingle().Which.Should().Contain("'legacy'").And.Contain("Premium").And.Contain("Flex Consumption");
        package.Files.Single(f => f.Path == "README.md").Content.Should().Contain("`agent_legacy` (`async/amqp`)");
    }

    [Fact]
    public void Two_agents_whose_names_make_the_same_function_are_an_error()
    {
        var package = FunctionAppPackage.Create(
            TestAgents.Config(TestAgents.StorageQueue("a.b", "q1"), TestAgents.StorageQueue("A_b", "q2")),
            Template,
            "app");

        package.Errors.Should().ContainSingle().Which.Should().Contain("'A_b'").And.Contain("agent_A_b").And.Contain("agent 'a.b'");
    }

    [Fact]
    public void A_service_bus_agent_without_queue_or_topic_and_subscription_is_an_error()
    {
        var package = FunctionAppPackage.Create(TestAgents.Config(TestAgents.ServiceBusTopic("audit", "events", "")), Template, "app");

        package.Errors.Should().ContainSingle().Which.Should().Contain("'audit'").And.Contain("topic and subscription");
    }

    [Theory]
    [InlineData("x")]
    [InlineData("-shop")]
    [InlineData("shop-")]
    [InlineData("shop_app")]
    [InlineData("shop.app")]
    public void An_app_name_azure_refuses_is_an_error(string appName)
    {
        var package = FunctionAppPackage.Create(TestAgents.Config(), Template, appName);

        package.Errors.Should().ContainSingle().Which.Should().Contain($"'{appName}' cannot name a function app");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("shop-gateway-01")]
    public void A_valid_app_name_is_accepted(string appName)
    {
        FunctionAppPackage.Create(TestAgents.Config(), Template, appName).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Every_generated_json_file_parses_and_every_function_file_has_the_reference_shape()
    {
        var package = FunctionAppPackage.Create(
            TestAgents.Config(
                TestAgents.ServiceBusQueue("orders", "orders"),
                TestAgents.ServiceBusTopic("audit", "events", "audit"),
                TestAgents.StorageQueue("thumbs", "images"),
                TestAgents.RabbitMq("legacy", "legacy")),
            Template,
            "app");

        foreach (var file in package.Files.Where(f => f.Path.EndsWith(".json", StringComparison.Ordinal)))
        {
            var json = JsonNode.Parse(file.Content);
            json.Should().BeOfType<JsonObject>(file.Path);
            if (file.Path == "wildcard/function.json")
            {
                FunctionJsonTests.Bindings(json);
            }
            else if (file.Path.EndsWith("/function.json", StringComparison.Ordinal))
            {
                FunctionJsonTests.Trigger(json);
            }
        }

        package.Files.Count(f => f.Path.EndsWith("/function.json", StringComparison.Ordinal)).Should().Be(5);
    }
}
