using System.Text.Json.Nodes;
using Switchyard.Core.Agents;
using Switchyard.Functions.Packaging;
using Switchyard.Functions.Tests.Hosting;

namespace Switchyard.Functions.Tests.Packaging;

public sealed class HostJsonTests
{
    private static JsonObject Build(params AsyncAgentConfig[] agents) =>
        HostJson.Build((JsonObject)JsonNode.Parse(RepositoryFiles.Read("host.json"))!, agents);

    [Fact]
    public void The_repository_template_becomes_a_custom_handler_starting_the_packaged_executable_on_its_configuration()
    {
        var host = Build();

        host["version"]!.GetValue<string>().Should().Be("2.0");
        var description = host["customHandler"]!["description"]!;
        description["defaultExecutablePath"]!.GetValue<string>().Should().Be("app/switchyard");
        description["workingDirectory"]!.GetValue<string>().Should().Be("app");
        description["arguments"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("run", "-c", "krakend.json");
        host["customHandler"]!["enableProxyingHttpRequest"]!.GetValue<bool>().Should().BeTrue();
        host["extensionBundle"]!["id"]!.GetValue<string>().Should().Be("Microsoft.Azure.Functions.ExtensionBundle");
        host["extensionBundle"]!["version"]!.GetValue<string>().Should().Be("[4.*, 5.0.0)");
        host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>().Should().BeEmpty("endpoint paths stay as configured, without /api");
        host["logging"]!["logLevel"]!["default"]!.GetValue<string>().Should().Be("Information", "the template's other settings are kept");
    }

    [Fact]
    public void Without_host_fed_agents_there_are_no_trigger_settings()
    {
        var extensions = Build(TestAgents.Memory("local"))["extensions"]!.AsObject();

        extensions.Select(e => e.Key).Should().Equal("http");
    }

    [Fact]
    public void Service_bus_calls_run_as_concurrently_as_the_busiest_agent_and_complete_on_success()
    {
        var serviceBus = Build(
            TestAgents.ServiceBusQueue("a", "qa", workers: 3),
            TestAgents.ServiceBusQueue("b", "qb", workers: 8),
            TestAgents.StorageQueue("c", "qc", workers: 20))["extensions"]!["serviceBus"]!;

        serviceBus["maxConcurrentCalls"]!.GetValue<int>().Should().Be(8);
        serviceBus["autoCompleteMessages"]!.GetValue<bool>().Should().BeTrue();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(16, 16)]
    [InlineData(100, 32)]
    public void Storage_queue_batches_follow_workers_up_to_the_extensions_limit(int workers, int batchSize)
    {
        var queues = Build(TestAgents.StorageQueue("thumbs", "images", workers: workers))["extensions"]!["queues"]!;

        queues["batchSize"]!.GetValue<int>().Should().Be(batchSize);
        queues["messageEncoding"]!.GetValue<string>().Should().Be("base64", "the host's default, which the standalone driver reads too");
    }

    [Fact]
    public void Storage_queue_encoding_follows_the_agents()
    {
        var plain = TestAgents.StorageQueue("thumbs", "images");
        plain = plain with { AzureQueue = plain.AzureQueue! with { MessageEncoding = AzureQueueMessageEncoding.None } };

        Build(plain)["extensions"]!["queues"]!["messageEncoding"]!.GetValue<string>().Should().Be("none");
    }

    [Fact]
    public void Storage_queue_dequeue_count_is_the_largest_max_deliveries_and_left_to_the_default_when_unset()
    {
        Build(TestAgents.StorageQueue("a", "qa", maxDeliveries: 3), TestAgents.StorageQueue("b", "qb", maxDeliveries: 7))
            ["extensions"]!["queues"]!["maxDequeueCount"]!.GetValue<int>().Should().Be(7);
        Build(TestAgents.StorageQueue("a", "qa"))["extensions"]!["queues"]!.AsObject().ContainsKey("maxDequeueCount").Should().BeFalse();
    }

    [Fact]
    public void Rabbitmq_prefetch_comes_from_the_amqp_prefetch_count_when_set()
    {
        Build(TestAgents.RabbitMq("a", "qa", prefetchCount: 10), TestAgents.RabbitMq("b", "qb", prefetchCount: 40))
            ["extensions"]!["rabbitMQ"]!["prefetchCount"]!.GetValue<int>().Should().Be(40);
        Build(TestAgents.RabbitMq("a", "qa"))["extensions"]!.AsObject().ContainsKey("rabbitMQ").Should().BeFalse();
    }
}
