using Switchyard.Core.Agents;
using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class AsyncAgentParserTests
{
    [Fact]
    public void Agents_without_a_name_are_named_after_their_index()
    {
        var config = LoadValid(ServiceWithAgents(
            MemoryAgent(),
            MemoryAgent("""
                "name": "orders"
                """),
            MemoryAgent("""
                "name": ""
                """)));

        config.AsyncAgents.Select(a => a.Name).Should().Equal("AsyncAgent-00", "orders", "AsyncAgent-02");
        config.AsyncAgents.Select(a => a.JsonPath).Should().Equal("async_agent[0]", "async_agent[1]", "async_agent[2]");
    }

    [Fact]
    public void A_minimal_agent_takes_every_default_without_warnings()
    {
        var result = ConfigLoader.Parse(ServiceWithAgents(MemoryAgent()));

        result.Errors.Should().BeEmpty();
        result.Warnings.Should().BeEmpty();
        var agent = result.Config!.AsyncAgents[0];
        agent.Connection.Should().Be(new AgentConnectionOptions { MaxRetries = 0, BackoffStrategy = "fallback", HealthInterval = TimeSpan.FromSeconds(1) });
        agent.Consumer.Should().Be(new AgentConsumerOptions { Topic = "#", Workers = 1, Timeout = TimeSpan.FromSeconds(2), MaxRate = 0, MaxDeliveries = 0 });
        agent.Amqp.Should().BeNull();
        agent.Memory.Should().Be(new MemoryDriverOptions { Name = "AsyncAgent-00", Exchange = "switchyard" });
    }

    [Fact]
    public void Every_field_of_an_amqp_agent_is_read()
    {
        var config = LoadValid(ServiceWithAgents("""
            {
              "name": "cool-agent",
              "connection": {"max_retries": 10, "backoff_strategy": "exponential-jitter", "health_interval": "10s"},
              "consumer": {"topic": "orders.*", "workers": 4, "timeout": "150ms", "max_rate": 0.5, "max_deliveries": 3},
              "backend": [{"host": ["http://127.0.0.1:8080"], "url_pattern": "/__debug/"}],
              "encoding": "json",
              "extra_config": {
                "async/amqp": {
                  "host": "amqp://guest:guest@localhost:5672/", "name": "krakend", "exchange": "foo",
                  "durable": true, "delete": true, "exclusive": true, "no_wait": true, "prefetch_count": 5,
                  "prefetch_size": 1024, "auto_ack": true, "no_local": true, "nack_discard": true
                }
              }
            }
            """));

        var agent = config.AsyncAgents.Should().ContainSingle().Subject;
        agent.Name.Should().Be("cool-agent");
        agent.Connection.Should().Be(new AgentConnectionOptions
        {
            MaxRetries = 10, BackoffStrategy = "exponential-jitter", HealthInterval = TimeSpan.FromSeconds(10),
        });
        agent.Consumer.Should().Be(new AgentConsumerOptions
        {
            Topic = "orders.*", Workers = 4, Timeout = TimeSpan.FromMilliseconds(150), MaxRate = 0.5, MaxDeliveries = 3,
        });
        agent.Amqp.Should().Be(new AmqpDriverOptions
        {
            Host = "amqp://guest:guest@localhost:5672/", Name = "krakend", Exchange = "foo",
            Durable = true, Delete = true, Exclusive = true, NoWait = true, PrefetchCount = 5, PrefetchSize = 1024,
            AutoAck = true, NoLocal = true, NackDiscard = true,
        });
        agent.Memory.Should().BeNull();
        agent.Pipe.Backends.Should().ContainSingle().Which.UrlPattern.Should().Be("/__debug/");
    }

    [Fact]
    public void Amqp_flags_and_counts_default_to_false_and_zero()
    {
        var config = LoadValid(ServiceWithAgents("""
            {"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}],
             "extra_config": {"async/amqp": {"host": "amqps://broker", "name": "q", "exchange": "x"}}}
            """));

        config.AsyncAgents[0].Amqp.Should().Be(new AmqpDriverOptions { Host = "amqps://broker", Name = "q", Exchange = "x" });
    }

    [Fact]
    public void The_memory_queue_and_exchange_can_be_named()
    {
        var config = LoadValid(ServiceWithAgents("""
            {"name": "a", "consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}],
             "extra_config": {"async/memory": {"name": "shared", "exchange": "events"}}}
            """));

        config.AsyncAgents[0].Memory.Should().Be(new MemoryDriverOptions { Name = "shared", Exchange = "events" });
    }

    [Fact]
    public void The_pipe_is_an_endpoint_named_after_the_agent_with_its_backends_and_namespaces()
    {
        var config = LoadValid(ServiceWithAgents("""
            {"name": "orders", "consumer": {"topic": "#"},
             "backend": [{"url_pattern": "/a"}, {"url_pattern": "/b/{resp0_id}"}],
             "extra_config": {
               "async/memory": {},
               "proxy": {"sequential": true},
               "validation/cel": [{"check_expr": "true"}],
               "security/policies": {"req": {"policies": ["true"]}}
             }}
            """));

        var agent = config.AsyncAgents[0];
        var pipe = agent.Pipe;
        pipe.Endpoint.Should().Be("/__agent/orders");
        pipe.JsonPath.Should().Be("async_agent[0]");
        pipe.Backends.Select(b => b.JsonPath).Should().Equal("async_agent[0].backend[0]", "async_agent[0].backend[1]");
        pipe.Proxy.Sequential.Should().BeTrue();
        pipe.CelChecks.Should().Equal("true");
        pipe.Policies!.Request!.Policies.Should().Equal("true");
        pipe.ExtraConfig.Select(p => p.Key).Should().Equal("async/memory", "proxy", "validation/cel", "security/policies");
        agent.ExtraConfig.Should().BeSameAs(pipe.ExtraConfig);
    }

    [Fact]
    public void Agents_are_no_longer_kept_raw_in_the_root_extra_config()
    {
        var result = ConfigLoader.Parse(ServiceWithAgents(MemoryAgent()));

        result.Config!.ExtraConfig.Should().BeEmpty();
        result.Config.Endpoints.Should().BeEmpty();
    }

    [Theory]
    [InlineData("0", "workers must be at least 1, got 0 (1 is used)")]
    [InlineData("-3", "workers must be at least 1, got -3 (1 is used)")]
    public void Fewer_than_one_worker_warns_and_means_one(string workers, string warning)
    {
        var json = ServiceWithAgents("""
            {"consumer": {"topic": "#", "workers": WORKERS}, "backend": [{"url_pattern": "/b"}], "extra_config": {"async/memory": {}}}
            """.Replace("WORKERS", workers, StringComparison.Ordinal));

        LoadValid(json).AsyncAgents[0].Consumer.Workers.Should().Be(1);
        LoadWarnings(json).Should().Equal("async_agent[0].consumer.workers: " + warning);
    }

    [Theory]
    [InlineData("500ms", "health_interval must be at least 1s, got 500ms (1s is used)")]
    [InlineData("0s", "health_interval must be at least 1s, got 0s (1s is used)")]
    public void A_health_interval_under_one_second_warns_and_means_one_second(string interval, string warning)
    {
        var json = ServiceWithAgents(MemoryAgent($$"""
            "connection": {"health_interval": "{{interval}}"}
            """));

        LoadValid(json).AsyncAgents[0].Connection.HealthInterval.Should().Be(TimeSpan.FromSeconds(1));
        LoadWarnings(json).Should().Equal("async_agent[0].connection.health_interval: " + warning);
    }

    [Theory]
    [InlineData("linear", "linear")]
    [InlineData("Linear-Jitter", "linear-jitter")]
    [InlineData("EXPONENTIAL", "exponential")]
    [InlineData("exponential-jitter", "exponential-jitter")]
    [InlineData("fallback", "fallback")]
    [InlineData("", "fallback")]
    public void Backoff_strategies_are_read_lowercased(string written, string read)
    {
        var json = ServiceWithAgents(MemoryAgent($$"""
            "connection": {"backoff_strategy": "{{written}}"}
            """));

        LoadValid(json).AsyncAgents[0].Connection.BackoffStrategy.Should().Be(read);
        LoadWarnings(json).Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_backoff_strategy_warns_and_is_kept_for_the_constant_delay()
    {
        var json = ServiceWithAgents(MemoryAgent("""
            "connection": {"backoff_strategy": "fibonacci"}
            """));

        LoadValid(json).AsyncAgents[0].Connection.BackoffStrategy.Should().Be("fibonacci");
        LoadWarnings(json).Should().Equal(
            "async_agent[0].connection.backoff_strategy: unknown backoff strategy 'fibonacci' (a constant 1s is used; want linear, linear-jitter, exponential or exponential-jitter)");
    }

    [Fact]
    public void An_async_agent_that_is_not_an_array_is_an_error()
    {
        LoadErrors("""{"version": 3, "async_agent": {}}""").Should().Equal("async_agent: expected an array of agents, got object");
    }

    [Theory]
    [InlineData("""{"topic": "#", "max_rate": "fast"}""", "consumer.max_rate: expected a number, got string \"fast\"")]
    [InlineData("""{"topic": "#", "workers": 1.5}""", "consumer.workers: expected an integer, got number 1.5")]
    [InlineData("""{"topic": "#", "timeout": 2}""", "consumer.timeout: expected a duration string such as \"2s\", got number 2")]
    [InlineData("""{"topic": "#", "max_deliveries": "3"}""", "consumer.max_deliveries: expected an integer, got string \"3\"")]
    [InlineData("""{"topic": ["#"]}""", "consumer.topic: expected a string, got array")]
    [InlineData("1", "consumer: expected an object, got number 1")]
    public void Consumer_values_of_the_wrong_type_are_errors_at_their_path(string consumer, string error)
    {
        LoadErrors(ServiceWithAgents("""
            {"consumer": CONSUMER, "backend": [{"url_pattern": "/b"}], "extra_config": {"async/memory": {}}}
            """.Replace("CONSUMER", consumer, StringComparison.Ordinal))).Should().Equal("async_agent[0]." + error);
    }

    [Theory]
    [InlineData("""{"health_interval": 10}""", "connection.health_interval: expected a duration string such as \"2s\", got number 10")]
    [InlineData("""{"max_retries": "10"}""", "connection.max_retries: expected an integer, got string \"10\"")]
    [InlineData("""{"backoff_strategy": 1}""", "connection.backoff_strategy: expected a string, got number 1")]
    [InlineData("1", "connection: expected an object, got number 1")]
    public void Connection_values_of_the_wrong_type_are_errors_at_their_path(string connection, string error)
    {
        LoadErrors(ServiceWithAgents(MemoryAgent("""
            "connection": CONNECTION
            """.Replace("CONNECTION", connection, StringComparison.Ordinal)))).Should().Equal("async_agent[0]." + error);
    }

    [Theory]
    [InlineData("durable", "\"yes\"", "expected a boolean, got string \"yes\"")]
    [InlineData("prefetch_count", "1.5", "expected an integer, got number 1.5")]
    [InlineData("nack_discard", "1", "expected a boolean, got number 1")]
    public void Amqp_values_of_the_wrong_type_are_errors_at_their_path(string key, string value, string error)
    {
        LoadErrors(ServiceWithAgents("""
            {"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}],
             "extra_config": {"async/amqp": {"host": "amqp://h", "name": "q", "exchange": "x", "KEY": VALUE}}}
            """.Replace("KEY", key, StringComparison.Ordinal).Replace("VALUE", value, StringComparison.Ordinal))).Should().Equal($"async_agent[0].extra_config.async/amqp.{key}: {error}");
    }

    [Fact]
    public void Unknown_keys_of_an_agent_and_its_objects_warn()
    {
        LoadWarnings(ServiceWithAgents("""
            {"consumer": {"topic": "#", "group": "g"}, "connection": {"retries": 1}, "method": "POST",
             "backend": [{"url_pattern": "/b"}], "extra_config": {"async/memory": {}, "telemetry/logging": {}}}
            """)).Should().BeEquivalentTo(
            "async_agent[0].consumer.group: unsupported key 'group'",
            "async_agent[0].connection.retries: unsupported key 'retries'",
            "async_agent[0].method: unsupported key 'method'",
            "async_agent[0].extra_config.telemetry/logging: unsupported namespace 'telemetry/logging' (log level and format) (ignored)");
    }

    [Fact]
    public void Unknown_driver_keys_and_unserved_protections_of_an_agent_are_errors()
    {
        LoadErrors(ServiceWithAgents("""
            {"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}],
             "extra_config": {"async/memory": {"durable": true}, "qos/ratelimit/router": {}}}
            """)).Should().Equal(
            "async_agent[0].extra_config.qos/ratelimit/router: 'qos/ratelimit/router' (endpoint rate limits) is refused on an async "
                + "agent: a message has no client request to check; an agent limits the messages it takes with its consumer's "
                + "'max_rate', and its backends with 'qos/ratelimit/proxy'",
            "async_agent[0].extra_config.async/memory.durable: unknown key 'durable': refused, because it may configure a protection "
                + "Switchyard does not enforce");
    }

    [Fact]
    public void What_checks_a_client_request_is_refused_on_an_agent_with_the_reason()
    {
        LoadErrors(ServiceWithAgents("""
            {"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}],
             "extra_config": {"async/memory": {}, "auth/validator": {"alg": "RS256"}}}
            """)).Should().Equal(
            "async_agent[0].extra_config.auth/validator: 'auth/validator' (JWT validation) is refused on an async agent: a message has no "
                + "client request to check");
    }
}
