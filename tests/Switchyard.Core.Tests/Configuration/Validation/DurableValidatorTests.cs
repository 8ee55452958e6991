using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class DurableValidatorTests
{
    [Fact]
    public void A_durable_pipe_without_the_engine_is_an_error_at_its_opt_in()
    {
        LoadErrors("""
            {"version": 3, "host": ["http://b"], "endpoints": [{"endpoint": "/e", "extra_config": {"switchyard/durable": {}},
              "backend": [{"url_pattern": "/x"}]}]}
            """).Should().Equal(
            "endpoints[0].extra_config.switchyard/durable: a durable pipe needs the engine: add the service's extra_config.switchyard/durable with its connection");
    }

    [Fact]
    public void Engine_settings_out_of_range_are_errors_with_their_paths()
    {
        LoadErrors("""
            {"version": 3, "host": ["http://b"], "timeout": "20s",
             "extra_config": {"switchyard/durable": {"task_hub": "1x", "partitions": 17, "queue_polling": "1ms", "lease_interval": "2m"}},
             "endpoints": [{"endpoint": "/e", "extra_config": {"switchyard/durable": {}}, "backend": [{"url_pattern": "/x"}]}]}
            """).Should().BeEquivalentTo(
            "extra_config.switchyard/durable.connection: required: the Azure Storage the durable pipes run on (a connection string, "
                + "UseDevelopmentStorage=true, an account name or URL for the managed identity), or SWITCHYARD_DURABLE_CONNECTION",
            "extra_config.switchyard/durable.task_hub: must be 3 to 45 letters or digits starting with a letter, got '1x'",
            "extra_config.switchyard/durable.partitions: must be between 1 and 16, got 17",
            "extra_config.switchyard/durable.queue_polling: must be between 10ms and 30s, got 1ms",
            "extra_config.switchyard/durable.lease_interval: must be between 1s and 1m0s, got 2m0s",
            "extra_config.switchyard/durable.visibility_timeout: must exceed the longest durable step (20s), got 10s: a step still "
                + "running when it expires is handed to a second process");
    }

    [Fact]
    public void Retry_and_compensate_outside_a_durable_pipe_are_refused_since_they_would_never_run()
    {
        LoadErrors(ServiceWithBackend("""
            "extra_config": {"switchyard/durable": {"retry": {"max_attempts": 3}}}
            """)).Should().Equal(
            "endpoints[0].backend[0].extra_config.switchyard/durable: retry and compensate run only in a durable pipe: add switchyard/durable "
                + "to its endpoint, workflow or agent");
    }

    [Fact]
    public void A_durable_pipe_streams_nothing_and_a_step_retries_within_range()
    {
        LoadErrors("""
            {"version": 3, "host": ["http://b"], "extra_config": {"switchyard/durable": {"connection": "UseDevelopmentStorage=true"}},
             "endpoints": [{"endpoint": "/e", "extra_config": {"switchyard/durable": {}}, "backend": [
               {"url_pattern": "/x", "encoding": "no-op"},
               {"url_pattern": "/y", "extra_config": {"switchyard/durable": {"retry": {"max_attempts": 0, "statuses": [42]}}}}]}]}
            """).Should().BeEquivalentTo(
            "endpoints[0].backend[0].encoding: a durable pipe cannot stream a no-op answer: every step's answer is recorded in the flow's history",
            "endpoints[0].backend[1].extra_config.switchyard/durable.retry.max_attempts: must be between 1 and 100, got 0",
            "endpoints[0].backend[1].extra_config.switchyard/durable.retry.statuses[0]: must be between 100 and 599, got 42");
    }

    [Fact]
    public void A_connection_that_is_no_storage_account_is_an_error_that_does_not_repeat_it()
    {
        LoadErrors("""
            {"version": 3, "host": ["http://b"], "extra_config": {"switchyard/durable": {"connection": "https://example.com/AccountKey"}},
             "endpoints": [{"endpoint": "/e", "extra_config": {"switchyard/durable": {}}, "backend": [{"url_pattern": "/x"}]}]}
            """).Should().Equal(
            "extra_config.switchyard/durable.connection: must be an Azure Storage connection string, an account name (3 to 24 lowercase "
                + "letters or digits) or an https URL of one of its services (https://<account>.blob.core.windows.net)");
    }
}
