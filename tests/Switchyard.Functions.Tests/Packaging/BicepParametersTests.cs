using System.Text.Json.Nodes;
using Switchyard.Functions.Packaging;

namespace Switchyard.Functions.Tests.Packaging;

public sealed class BicepParametersTests
{
    [Fact]
    public void Every_host_fed_agent_gets_its_queue_with_its_max_deliveries_or_service_bus_default()
    {
        var parameters = BicepParameters.Build("orders-app", [
            TestAgents.ServiceBusQueue("orders", "orders-in", maxDeliveries: 4),
            TestAgents.ServiceBusQueue("refunds", "refunds-in"),
            TestAgents.ServiceBusTopic("audit", "events", "audit-sub", maxDeliveries: 2),
            TestAgents.StorageQueue("thumbs", "images"),
            TestAgents.RabbitMq("legacy", "legacy-q"),
            TestAgents.Memory("local"),
        ])["parameters"]!;

        parameters["appName"]!["value"]!.GetValue<string>().Should().Be("orders-app");
        parameters["serviceBusQueues"]!["value"]!.ToJsonString().Should().Be(
            """[{"name":"orders-in","maxDeliveryCount":4},{"name":"refunds-in","maxDeliveryCount":10}]""");
        parameters["serviceBusTopics"]!["value"]!.ToJsonString().Should().Be(
            """[{"name":"events","subscription":"audit-sub","maxDeliveryCount":2}]""");
        parameters["storageQueues"]!["value"]!.ToJsonString().Should().Be("""["images"]""");
        parameters.AsObject().Select(p => p.Key).Should().BeEquivalentTo(
            ["appName", "serviceBusQueues", "serviceBusTopics", "storageQueues"], "location is left to its default, the resource group's");
    }

    [Fact]
    public void Agents_sharing_a_queue_get_it_once_with_the_larger_delivery_count()
    {
        var queues = BicepParameters.Build("app", [
            TestAgents.ServiceBusQueue("a", "shared", maxDeliveries: 3),
            TestAgents.ServiceBusQueue("b", "shared", maxDeliveries: 6),
            TestAgents.StorageQueue("c", "images"),
            TestAgents.StorageQueue("d", "images"),
        ])["parameters"]!;

        queues["serviceBusQueues"]!["value"]!.ToJsonString().Should().Be("""[{"name":"shared","maxDeliveryCount":6}]""");
        queues["storageQueues"]!["value"]!.ToJsonString().Should().Be("""["images"]""");
    }

    [Fact]
    public void The_file_is_an_arm_deployment_parameters_file()
    {
        var file = BicepParameters.Build("app", []);

        file["$schema"]!.GetValue<string>().Should().Be("https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#");
        file["contentVersion"]!.GetValue<string>().Should().Be("1.0.0.0");
        file["parameters"].Should().BeOfType<JsonObject>();
    }
}
