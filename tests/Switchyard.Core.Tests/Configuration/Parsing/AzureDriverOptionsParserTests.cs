using Switchyard.Core.Agents;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class AzureDriverOptionsParserTests
{
    private static AsyncAgentConfig Agent(string extraConfig) =>
        LoadValid(ServiceWithAgents("""{"name": "a", "backend": [{"url_pattern": "/b"}], "extra_config": """ + extraConfig + "}"))
            .AsyncAgents[0];

    [Fact]
    public void A_service_bus_queue_is_read_with_the_default_connection_setting()
    {
        var agent = Agent("""{"async/servicebus": {"queue": "orders"}}""");

        agent.ServiceBus.Should().Be(new ServiceBusDriverOptions { Queue = "orders", Connection = "ServiceBusConnection" });
        agent.NeedsFunctionsHost.Should().BeTrue();
    }

    [Fact]
    public void A_service_bus_topic_subscription_and_connection_are_read()
    {
        var agent = Agent("""{"async/servicebus": {"topic": "events", "subscription": "billing", "connection": "Bus"}}""");

        agent.ServiceBus.Should().Be(new ServiceBusDriverOptions { Topic = "events", Subscription = "billing", Connection = "Bus" });
    }

    [Fact]
    public void A_storage_queue_is_read_with_the_default_connection_setting()
    {
        var agent = Agent("""{"async/azure-queue": {"queue": "jobs"}}""");

        agent.AzureQueue.Should().Be(new AzureQueueDriverOptions { Queue = "jobs", Connection = "AzureWebJobsStorage" });
        agent.NeedsFunctionsHost.Should().BeTrue();
        agent.ServiceBus.Should().BeNull();
    }

    [Fact]
    public void A_storage_queue_connection_is_read()
    {
        Agent("""{"async/azure-queue": {"queue": "jobs", "connection": "JobsStorage"}}""").AzureQueue!.Connection.Should().Be("JobsStorage");
    }

    [Theory]
    [InlineData("""{"async/servicebus": {"queue": "q", "session": true}}""", "async_agent[0].extra_config.async/servicebus.session")]
    [InlineData("""{"async/azure-queue": {"queue": "qqq", "batch": 4}}""", "async_agent[0].extra_config.async/azure-queue.batch")]
    public void Unknown_keys_of_the_azure_namespaces_are_errors(string extraConfig, string path)
    {
        LoadErrors(ServiceWithAgents("""{"backend": [{"url_pattern": "/b"}], "extra_config": """ + extraConfig + "}"))
            .Should().ContainSingle(warning => warning.StartsWith(path, StringComparison.Ordinal));
    }
}
