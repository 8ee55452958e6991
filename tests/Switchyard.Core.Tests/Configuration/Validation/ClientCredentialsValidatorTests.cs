using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class ClientCredentialsValidatorTests
{
    private const string Path = "endpoints[0].backend[0].extra_config.auth/client-credentials";

    [Fact]
    public void The_required_fields_are_checked_even_when_disabled() =>
        LoadErrors(ServiceWithBackend("""
            "extra_config": {"auth/client-credentials": {"client_secret": "", "is_disabled": true}}
            """)).Should().Equal($"{Path}.client_id: is required", $"{Path}.client_secret: is required", $"{Path}.token_url: is required");

    [Theory]
    [InlineData("/token")]
    [InlineData("ftp://auth/token")]
    public void The_token_url_is_an_absolute_http_url(string url) =>
        LoadErrors(ServiceWithBackend($$$"""
            "extra_config": {"auth/client-credentials": {"client_id": "i", "client_secret": "s", "token_url": "{{{url}}}"}}
            """)).Should().Equal($"{Path}.token_url: must be an absolute http or https URL, got '{url}'");

    [Fact]
    public void A_scope_among_the_endpoint_params_is_refused_at_any_depth() =>
        LoadErrors(ServiceWithWorkflow("""
            {"endpoint": "/w", "backend": [{"url_pattern": "/w", "extra_config": {"auth/client-credentials": {"client_id": "i", "client_secret": "s",
              "token_url": "https://auth/token", "endpoint_params": {"scope": ["a"], "audience": ["b"]}}}}]}
            """)).Should().Equal(
            $"{WorkflowPath}.backend[0].extra_config.auth/client-credentials.endpoint_params.scope: the scope is set by 'scopes' (comma-separated) and cannot be overwritten here");
}
