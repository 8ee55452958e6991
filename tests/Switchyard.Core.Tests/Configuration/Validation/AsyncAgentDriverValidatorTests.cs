using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class AsyncAgentDriverValidatorTests
{
    private const string AmqpPath = "async_agent[0].extra_config.async/amqp";

    private static string WithExtraConfig(string extraConfig) => ServiceWithAgents(
        """{"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}], "extra_config": """ + extraConfig + "}");

    private static string AmqpWithHost(string host) =>
        "{\"async/amqp\": {\"name\": \"q\", \"exchange\": \"x\", \"host\": \"" + host + "\"}}";

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"proxy": {"sequential": false}}""")]
    public void An_agent_without_a_driver_namespace_is_an_error(string extraConfig)
    {
        LoadErrors(WithExtraConfig(extraConfig)).Should().Equal(
            "async_agent[0].extra_config: a driver namespace is required: 'async/amqp', 'async/memory', 'async/servicebus', 'async/azure-queue'");
    }

    [Fact]
    public void An_agent_without_extra_config_is_an_error()
    {
        LoadErrors(ServiceWithAgents("""{"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}]}""")).Should().Equal(
            "async_agent[0].extra_config: a driver namespace is required: 'async/amqp', 'async/memory', 'async/servicebus', 'async/azure-queue'");
    }

    [Fact]
    public void Two_driver_namespaces_are_an_error()
    {
        LoadErrors(WithExtraConfig("""
            {"async/memory": {}, "async/amqp": {"host": "amqp://h", "name": "q", "exchange": "x"}}
            """)).Should().Equal(
            "async_agent[0].extra_config: only one driver namespace is allowed, got 'async/amqp', 'async/memory'");
    }

    [Theory]
    [InlineData("""{"async/memory": true}""", "async_agent[0].extra_config.async/memory: expected an object, got boolean true")]
    [InlineData("""{"async/amqp": []}""", "async_agent[0].extra_config.async/amqp: expected an object, got array")]
    [InlineData("[]", "async_agent[0].extra_config: expected an object, got array")]
    public void A_driver_namespace_that_is_not_an_object_is_reported_once(string extraConfig, string error)
    {
        LoadErrors(WithExtraConfig(extraConfig)).Should().Equal(error);
    }

    [Fact]
    public void An_amqp_driver_needs_its_host_queue_and_exchange()
    {
        LoadErrors(WithExtraConfig("""{"async/amqp": {"durable": true}}""")).Should().Equal(
            AmqpPath + ".host: required",
            AmqpPath + ".name: required",
            AmqpPath + ".exchange: required");
    }

    [Fact]
    public void A_required_amqp_value_of_the_wrong_type_is_reported_once()
    {
        LoadErrors(WithExtraConfig("""{"async/amqp": {"host": 5672, "name": "q", "exchange": "x"}}""")).Should().Equal(
            AmqpPath + ".host: expected a string, got number 5672");
    }

    [Theory]
    [InlineData("http://guest:guest@localhost:5672/")]
    [InlineData("localhost:5672")]
    [InlineData("amqp//localhost")]
    public void An_amqp_host_must_be_an_amqp_url(string host)
    {
        LoadErrors(WithExtraConfig(AmqpWithHost(host))).Should().Equal(
            $"{AmqpPath}.host: invalid host '{host}': want an amqp:// or amqps:// URL");
    }

    [Theory]
    [InlineData("amqp://guest:guest@localhost:5672/")]
    [InlineData("amqps://user:secret@broker.example.com/vhost")]
    [InlineData("AMQP://localhost")]
    public void Amqp_and_amqps_urls_are_valid_hosts(string host)
    {
        LoadValid(WithExtraConfig(AmqpWithHost(host)));
    }

    [Fact]
    public void Errors_under_the_old_amqp_namespace_name_the_short_one()
    {
        LoadErrors(WithExtraConfig("""{"github.com/devopsfaith/krakend-amqp/agent": {"host": "amqp://h", "name": "q"}}""")).Should().Equal(
            AmqpPath + ".exchange: required");
    }

    [Theory]
    [InlineData("\"prefetch_count\": -1", ".prefetch_count: prefetch_count must be between 0 and 65535, got -1")]
    [InlineData("\"prefetch_count\": 65536", ".prefetch_count: prefetch_count must be between 0 and 65535, got 65536")]
    [InlineData("\"prefetch_size\": -1", ".prefetch_size: prefetch_size must not be negative, got -1")]
    public void Prefetch_values_amqp_cannot_carry_are_errors(string prefetch, string error)
    {
        LoadErrors(WithExtraConfig("""{"async/amqp": {"host": "amqp://h", "name": "q", "exchange": "x", PREFETCH}}"""
            .Replace("PREFETCH", prefetch, StringComparison.Ordinal))).Should().Equal(AmqpPath + error);
    }

    [Fact]
    public void A_prefetch_size_rabbitmq_refuses_is_a_warning()
    {
        LoadWarnings(WithExtraConfig("""{"async/amqp": {"host": "amqp://h", "name": "q", "exchange": "x", "prefetch_count": 65535, "prefetch_size": 1024}}"""))
            .Should().Equal(AmqpPath + ".prefetch_size: RabbitMQ refuses a prefetch_size other than 0 (NOT_IMPLEMENTED) and closes the connection");
    }
}

