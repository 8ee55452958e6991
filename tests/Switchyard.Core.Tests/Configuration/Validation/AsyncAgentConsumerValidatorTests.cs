using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class AsyncAgentConsumerValidatorTests
{
    private const string TopicRequired = "required: the routing key bound to the queue, such as '#' or 'orders.*'";

    private static string WithConsumer(string consumer) => ServiceWithAgents(
        """{"backend": [{"url_pattern": "/b"}], "extra_config": {"async/memory": {}}, "consumer": """ + consumer + "}");

    [Theory]
    [InlineData("""{"workers": 2}""")]
    [InlineData("""{"topic": ""}""")]
    [InlineData("""{"topic": null}""")]
    public void A_topic_is_required(string consumer)
    {
        LoadErrors(WithConsumer(consumer)).Should().Equal("async_agent[0].consumer.topic: " + TopicRequired);
    }

    [Fact]
    public void An_agent_without_a_consumer_has_no_topic()
    {
        LoadErrors(ServiceWithAgents("""{"backend": [{"url_pattern": "/b"}], "extra_config": {"async/memory": {}}}"""))
            .Should().Equal("async_agent[0].consumer.topic: " + TopicRequired);
    }

    [Theory]
    [InlineData("""{"topic": "#", "max_rate": -0.5}""", "consumer.max_rate: must not be negative")]
    [InlineData("""{"topic": "#", "max_deliveries": -1}""", "consumer.max_deliveries: must not be negative")]
    [InlineData("""{"topic": "#", "timeout": "-1s"}""", "consumer.timeout: must be greater than zero")]
    public void Negative_limits_are_errors(string consumer, string error)
    {
        LoadErrors(WithConsumer(consumer)).Should().Equal("async_agent[0]." + error);
    }

    [Theory]
    [InlineData("""{"topic": "#", "max_rate": 0, "max_deliveries": 0}""")]
    [InlineData("""{"topic": "orders.*", "max_rate": 100, "max_deliveries": 5, "workers": 32}""")]
    public void Zero_and_positive_limits_are_valid(string consumer)
    {
        LoadValid(WithConsumer(consumer));
    }
}
