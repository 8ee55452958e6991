using Switchyard.Core.Security.ClientCredentials;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class ClientCredentialsOptionsParserTests
{
    [Fact]
    public void The_fields_are_read_under_either_name_and_scopes_split_on_commas()
    {
        var backend = LoadValid(ServiceWithBackend("""
            "extra_config": {"github.com/devopsfaith/krakend-oauth2-clientcredentials": {
              "client_id": "id", "client_secret": "secret", "token_url": "https://auth.example/token",
              "scopes": "a, b,,c", "endpoint_params": {"audience": ["x", "y"]}, "is_disabled": true}}
            """)).Endpoints[0].Backends[0];

        backend.ClientCredentials.Should().BeEquivalentTo(new ClientCredentialsOptions
        {
            ClientId = "id",
            ClientSecret = "secret",
            TokenUrl = "https://auth.example/token",
            Scopes = ["a", "b", "c"],
            EndpointParams = new Dictionary<string, IReadOnlyList<string>> { ["audience"] = ["x", "y"] },
            IsDisabled = true,
        });
    }

    [Fact]
    public void An_endpoint_param_that_is_not_an_array_of_strings_is_an_error_with_its_path() =>
        LoadErrors(ServiceWithBackend("""
            "extra_config": {"auth/client-credentials": {"client_id": "id", "client_secret": "s", "token_url": "https://a/t",
              "endpoint_params": {"audience": "x", "resource": [1]}}}
            """)).Should().Equal(
            "endpoints[0].backend[0].extra_config.auth/client-credentials.endpoint_params.audience: expected an array of strings, got string \"x\"",
            "endpoints[0].backend[0].extra_config.auth/client-credentials.endpoint_params.resource[0]: expected a string, got number 1");
}
