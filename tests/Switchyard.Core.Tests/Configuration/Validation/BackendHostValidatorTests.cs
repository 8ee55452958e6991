using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class BackendHostValidatorTests
{
    [Fact]
    public void A_backend_without_any_host_is_an_error()
    {
        LoadErrors("""
            {"version": 3, "endpoints": [{"endpoint": "/e", "backend": [{"url_pattern": "/b"}]}]}
            """).Should().Equal("endpoints[0].backend[0].host: no host: set one here or in the root 'host'");
    }

    [Fact]
    public void Unsanitised_hosts_must_be_absolute_http_urls()
    {
        LoadErrors(ServiceWithBackend("""
            "host": ["http://ok/api", "ftp://files", "localhost:8080"], "disable_host_sanitize": true
            """)).Should().Equal(
            "endpoints[0].backend[0].host[1]: invalid host 'ftp://files': want an absolute http or https URL",
            "endpoints[0].backend[0].host[2]: invalid host 'localhost:8080': want an absolute http or https URL");
    }

    [Fact]
    public void A_backend_whose_hosts_are_all_invalid_is_reported_at_those_hosts_only()
    {
        LoadErrors(ServiceWithBackend("\"host\": [\"http://a/b\"]")).Should().Equal(
            "endpoints[0].backend[0].host[0]: invalid host 'http://a/b'");
    }

    [Fact]
    public void A_broken_root_host_list_is_reported_at_the_root_only()
    {
        LoadErrors("""
            {"version": 3, "host": "http://b", "endpoints": [{"endpoint": "/e", "backend": [{"url_pattern": "/b"}]}]}
            """).Should().Equal("host: expected an array of strings, got string \"http://b\"");
    }

    [Fact]
    public void A_backend_that_opens_a_workflow_needs_no_host_but_the_workflows_backends_do()
    {
        LoadErrors("""
            {"version": 3, "endpoints": [{"endpoint": "/e", "backend": [
              {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/w", "backend": [
                {"url_pattern": "/x", "host": ["http://h"]},
                {"url_pattern": "/y"}]}}}]}]}
            """).Should().Equal(
            "endpoints[0].backend[0].extra_config.workflow.backend[1].host: no host: set one here, on a backend that opens this workflow, or in the root 'host'");
    }
}
