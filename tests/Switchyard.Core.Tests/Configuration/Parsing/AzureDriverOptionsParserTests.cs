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
        agent.NeedsFunctionsHost.Should().BeFalse("the gateway consumes a Storage queue itself when no Functions host feeds it");
        agent.BindsTopic.Should().BeFalse();
        agent.Consumer.MaxDeliveries.Should().Be(5, "the Functions host poisons a message after 5 dequeues by default");
        agent.ServiceBus.Should().BeNull();
    }

    [Fact]
    public void A_storage_queue_connection_is_read()
    {
        Agent("""{"async/azure-queue": {"queue": "jobs", "connection": "JobsStorage"}}""").AzureQueue!.Connection.Should().Be("JobsStorage");
    }

    [Fact]
    public void A_storage_queue_reads_base64_bodies_and_polls_at_most_every_minute_by_default_as_the_functions_host()
    {
        var options = Agent("""{"async/azure-queue": {"queue": "jobs"}}""").AzureQueue!;

        options.MessageEncoding.Should().Be(AzureQueueMessageEncoding.Base64);
        options.MaxPollingInterval.Should().Be(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void A_storage_queue_encoding_polling_interval_and_max_deliveries_are_read()
    {
        var agent = Agent("""{"async/azure-queue": {"queue": "jobs", "message_encoding": "None", "max_polling_interval": "2s"}}""");
        var counted = LoadValid(ServiceWithAgents(
                """{"consumer": {"max_deliveries": 2}, "backend": [{"url_pattern": "/b"}], "extra_config": {"async/azure-queue": {"queue": "jobs"}}}"""))
            .AsyncAgents[0];

        agent.AzureQueue!.MessageEncoding.Should().Be(AzureQueueMessageEncoding.None);
        agent.AzureQueue.MaxPollingInterval.Should().Be(TimeSpan.FromSeconds(2));
        counted.Consumer.MaxDeliveries.Should().Be(2);
    }

    [Fact]
    public void Other_drivers_keep_requeueing_forever_by_default()
    {
        LoadValid(ServiceWithAgents("""{"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}], "extra_config": {"async/memory": {}}}"""))
            .AsyncAgents[0].Consumer.MaxDeliveries.Should().Be(0);
    }

    [Theory]
    [InlineData("""{"async/azure-queue": {"queue": "jobs", "message_encoding": "utf8"}}""", "async_agent[0].extra_config.async/azure-queue.message_encoding: must be 'base64' or 'none', got 'utf8'")]
    [InlineData("""{"async/azure-queue": {"queue": "jobs", "max_polling_interval": "0s"}}""", "async_agent[0].extra_config.async/azure-queue.max_polling_interval: must be a positive duration")]
    public void A_wrong_encoding_or_polling_interval_is_an_error(string extraConfig, string error)
    {
        LoadErrors(ServiceWithAgents("""{"backend": [{"url_pattern": "/b"}], "extra_config": """ + extraConfig + "}"))
            .Should().Contain(error);
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
