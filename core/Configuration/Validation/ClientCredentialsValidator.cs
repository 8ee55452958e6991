namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Every backend's <c>auth/client-credentials</c> (at any workflow depth and in agents' pipes) names a client id, a
/// secret and an absolute http(s) token URL, and no <c>scope</c> among its <c>endpoint_params</c>: KrakenD would fail
/// every token request on it (the scope comes from <c>scopes</c>). A disabled one is checked too, so switching it on
/// cannot reveal an error.
/// </summary>
internal sealed class ClientCredentialsValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var backend in EndpointNode.AllEndpoints(config).SelectMany(endpoint => endpoint.Backends))
        {
            if (backend.ClientCredentials is not { } credentials)
            {
                continue;
            }

            var path = NamespacePaths.Of(NamespaceAliases.AuthClientCredentials, backend.JsonPath);
            Required(credentials.ClientId, path + ".client_id", problems);
            Required(credentials.ClientSecret, path + ".client_secret", problems);
            if (Required(credentials.TokenUrl, path + ".token_url", problems)
                && (!Uri.TryCreate(credentials.TokenUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
            {
                problems.Error(path + ".token_url", $"must be an absolute http or https URL, got '{credentials.TokenUrl}'");
            }

            if (credentials.EndpointParams.ContainsKey("scope"))
            {
                problems.Error(path + ".endpoint_params.scope", "the scope is set by 'scopes' (comma-separated) and cannot be overwritten here");
            }
        }
    }

    // True when the value is there; an error when it is missing or empty (unless the parser already reported its type).
    private static bool Required(string value, string path, ConfigProblems problems)
    {
        if (!string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (!problems.HasErrorAt(path))
        {
            problems.Error(path, "is required");
        }

        return false;
    }
}
