using Switchyard.Core.Durable;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class DurableOptionsParserTests
{
    private const string Engine = """ "extra_config": {"switchyard/durable": {"connection": "UseDevelopmentStorage=true"}} """;

    [Fact]
    public void The_engine_settings_are_read_with_their_defaults()
    {
        var defaults = LoadValid("""{"version": 3, "extra_config": {"switchyard/durable": {}}}""").Durable!;
        defaults.Should().Be(new DurableEngineOptions());
        defaults.QueuePolling.Should().Be(TimeSpan.FromMilliseconds(100));
        defaults.VisibilityTimeout.Should().Be(TimeSpan.FromSeconds(10));

        var engine = LoadValid("""
            {"version": 3, "extra_config": {"switchyard/durable": {"connection": "UseDevelopmentStorage=true", "task_hub": "signups", "partitions": 2,
              "max_concurrent_activities": 8, "max_concurrent_orchestrations": 4, "queue_polling": "50ms", "status_polling": "5ms",
              "visibility_timeout": "30s", "lease_interval": "10s", "worker_id": "w1"}}}
            """).Durable!;
        engine.Should().Be(new DurableEngineOptions
        {
            Connection = "UseDevelopmentStorage=true", TaskHub = "signups", Partitions = 2, MaxConcurrentActivities = 8, MaxConcurrentOrchestrations = 4,
            QueuePolling = TimeSpan.FromMilliseconds(50), StatusPolling = TimeSpan.FromMilliseconds(5),
            VisibilityTimeout = TimeSpan.FromSeconds(30), LeaseInterval = TimeSpan.FromSeconds(10), WorkerId = "w1",
        });
    }

    [Fact]
    public void An_endpoint_opts_in_and_its_workflows_inherit_it()
    {
        var endpoint = LoadValid($$"""
            {"version": 3, "host": ["http://b"], {{Engine}}, "endpoints": [{"endpoint": "/e", "extra_config": {"switchyard/durable": {} },
              "backend": [{"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/__workflow/w", "backend": [{"url_pattern": "/x"}]} } }]}]}
            """).Endpoints[0];

        endpoint.IsDurable.Should().BeTrue();
        endpoint.Backends[0].Workflow!.IsDurable.Should().BeTrue();
    }

    [Fact]
    public void A_step_reads_its_retry_and_its_compensation_cascaded_like_a_sibling()
    {
        var backend = LoadValid($$"""
            {"version": 3, "host": ["http://b"], "timeout": "3s", {{Engine}}, "endpoints": [{"endpoint": "/e", "method": "POST",
              "extra_config": {"switchyard/durable": {} },
              "backend": [{"host": ["http://payments:8080"], "url_pattern": "/charge", "extra_config": {"switchyard/durable": {
                "retry": {"max_attempts": 5, "first_delay": "2s", "backoff_coefficient": 1.5, "max_delay": "1m", "statuses": [502, 503]},
                "compensate": {"url_pattern": "refund"} } } }]}]}
            """).Endpoints[0].Backends[0];

        backend.Durable!.Retry.Should().BeEquivalentTo(new DurableRetryOptions
        {
            MaxAttempts = 5, FirstDelay = TimeSpan.FromSeconds(2), BackoffCoefficient = 1.5, MaxDelay = TimeSpan.FromMinutes(1), Statuses = [502, 503],
        });
        var compensate = backend.Durable.Compensate!;
        compensate.UrlPattern.Should().Be("/refund");
        compensate.Host.Should().Equal(["http://payments:8080"], "a compensation takes its step's hosts");
        compensate.Method.Should().Be("POST");
        compensate.Timeout.Should().Be(TimeSpan.FromSeconds(3));
        compensate.JsonPath.Should().Be("endpoints[0].backend[0].extra_config.switchyard/durable.compensate");
    }

    [Fact]
    public void Retry_waits_grow_by_the_coefficient_up_to_the_longest()
    {
        var retry = new DurableRetryOptions { FirstDelay = TimeSpan.FromSeconds(1), BackoffCoefficient = 3, MaxDelay = TimeSpan.FromSeconds(20) };

        Enumerable.Range(1, 4).Select(retry.DelayAfter).Should().Equal(
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(20));
    }
}
