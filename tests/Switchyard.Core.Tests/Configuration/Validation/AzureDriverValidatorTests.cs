using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class AzureDriverValidatorTests
{
    private const string ServiceBusPath = "async_agent[0].extra_config.async/servicebus";
    private const string QueuePath = "async_agent[0].extra_config.async/azure-queue";

    // No consumer topic: an agent fed by a Functions trigger needs none.
    private static string WithExtraConfig(string extraConfig) => ServiceWithAgents(
        """{"backend": [{"url_pattern": "/b"}], "extra_config": """ + extraConfig + "}");

    [Theory]
    [InlineData("""{"async/servicebus": {"queue": "orders"}}""")]
    [InlineData("""{"async/servicebus": {"queue": "sales/orders.v2_eu-west"}}""")]
    [InlineData("""{"async/servicebus": {"topic": "events", "subscription": "billing", "connection": "Bus__fullyQualifiedNamespace"}}""")]
    [InlineData("""{"async/azure-queue": {"queue": "jobs"}}""")]
    [InlineData("""{"async/azure-queue": {"queue": "image-resize-2", "connection": "JobsStorage"}}""")]
    public void Valid_azure_drivers_load_without_a_consumer_topic(string extraConfig)
    {
        LoadValid(WithExtraConfig(extraConfig));
    }

    [Fact]
    public void An_amqp_agent_still_needs_its_consumer_topic()
    {
        LoadErrors(WithExtraConfig("""{"async/amqp": {"host": "amqp://h", "name": "q", "exchange": "x"}}""")).Should().Equal(
            "async_agent[0].consumer.topic: required: the routing key bound to the queue, such as '#' or 'orders.*'");
    }

    [Theory]
    [InlineData("{}", ": required: 'queue', or 'topic' and 'subscription'")]
    [InlineData("""{"queue": "q", "topic": "t", "subscription": "s"}""", ": set either 'queue' or 'topic' and 'subscription', not both")]
    [InlineData("""{"queue": "q", "subscription": "s"}""", ": set either 'queue' or 'topic' and 'subscription', not both")]
    [InlineData("""{"topic": "t"}""", ".subscription: required")]
    [InlineData("""{"subscription": "s"}""", ".topic: required")]
    public void A_service_bus_driver_has_a_queue_xor_a_topic_and_subscription(string options, string error)
    {
        LoadErrors(WithExtraConfig("""{"async/servicebus": """ + options + "}")).Should().Equal(ServiceBusPath + error);
    }

    [Theory]
    [InlineData("""{"queue": "-orders"}""", ".queue: invalid name '-orders' must start and end with a letter or digit")]
    [InlineData("""{"queue": "or ders"}""", ".queue: invalid name 'or ders' may hold only letters, digits, '.', '-', '_' and '/'")]
    [InlineData("""{"topic": "t", "subscription": "a/b"}""", ".subscription: invalid name 'a/b' may hold only letters, digits, '.', '-' and '_'")]
    [InlineData("""{"queue": "q", "connection": ""}""", ".connection: must name an app setting, got an empty string")]
    [InlineData("""{"queue": "q", "connection": "Endpoint=sb://x/;SharedAccessKey=k"}""",
        ".connection: must name an app setting (letters, digits, '_', '.', '-', ':'), got 'Endpoint=sb://x/;SharedAccessKey=k'")]
    public void Service_bus_names_follow_azure_rules(string options, string error)
    {
        LoadErrors(WithExtraConfig("""{"async/servicebus": """ + options + "}")).Should().Equal(ServiceBusPath + error);
    }

    [Fact]
    public void A_service_bus_subscription_is_at_most_50_characters()
    {
        var name = new string('s', 51);
        LoadErrors(WithExtraConfig($$$"""{"async/servicebus": {"topic": "t", "subscription": "{{{name}}}"}}""")).Should().Equal(
            $"{ServiceBusPath}.subscription: invalid name '{name}' is longer than 50 characters");
    }

    [Theory]
    [InlineData("{}", ".queue: required")]
    [InlineData("""{"queue": "Jobs"}""", ".queue: invalid name 'Jobs' may hold only lowercase letters, digits and hyphens")]
    [InlineData("""{"queue": "jo"}""", ".queue: invalid name 'jo' must be 3 to 63 characters long")]
    [InlineData("""{"queue": "jobs--x"}""", ".queue: invalid name 'jobs--x' must start and end with a letter or digit and have no consecutive hyphens")]
    [InlineData("""{"queue": "jobs-"}""", ".queue: invalid name 'jobs-' must start and end with a letter or digit and have no consecutive hyphens")]
    [InlineData("""{"queue": "jobs_x"}""", ".queue: invalid name 'jobs_x' may hold only lowercase letters, digits and hyphens")]
    public void A_storage_queue_is_required_and_named_as_azure_storage_wants(string options, string error)
    {
        LoadErrors(WithExtraConfig("""{"async/azure-queue": """ + options + "}")).Should().Equal(QueuePath + error);
    }

    [Fact]
    public void A_storage_queue_name_is_at_most_63_characters()
    {
        var name = new string('q', 64);
        LoadErrors(WithExtraConfig($$$"""{"async/azure-queue": {"queue": "{{{name}}}"}}""")).Should().Equal(
            $"{QueuePath}.queue: invalid name '{name}' must be 3 to 63 characters long");
    }

    [Fact]
    public void Two_azure_driver_namespaces_are_an_error()
    {
        LoadErrors(WithExtraConfig("""{"async/servicebus": {"queue": "q"}, "async/azure-queue": {"queue": "jobs"}}""")).Should().Equal(
            "async_agent[0].extra_config: only one driver namespace is allowed, got 'async/servicebus', 'async/azure-queue'");
    }

    [Fact]
    public void An_azure_driver_that_is_not_an_object_is_reported_once()
    {
        LoadErrors(ServiceWithAgents("""{"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}], "extra_config": {"async/servicebus": "orders"}}""")).Should().Equal(
            ServiceBusPath + ": expected an object, got string \"orders\"");
    }

    [Fact]
    public void Every_storage_queue_agent_uses_one_message_encoding()
    {
        LoadErrors(ServiceWithAgents(
                """{"name": "a", "backend": [{"url_pattern": "/b"}], "extra_config": {"async/azure-queue": {"queue": "jobs-a"}}}""",
                """{"name": "b", "backend": [{"url_pattern": "/b"}], "extra_config": {"async/azure-queue": {"queue": "jobs-b", "message_encoding": "none"}}}"""))
            .Should().Equal(
                "async_agent[1].extra_config.async/azure-queue.message_encoding: must be the same for every async/azure-queue agent "
                + "(the Functions host decodes all of an app's queues alike): 'none' here, 'base64' at async_agent[0]");
    }
}
