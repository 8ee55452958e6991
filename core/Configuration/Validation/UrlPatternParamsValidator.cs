using System.Text.RegularExpressions;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Every <c>{x}</c> of a <c>url_pattern</c> has a value at run time: an endpoint parameter, a sequential
/// <c>respN_field</c> or a <c>JWT.claim</c>, or <c>input_headers.Name</c> for a header the endpoint forwards.
/// </summary>
internal sealed partial class UrlPatternParamsValidator : IConfigValidator
{
    private const string HeaderPrefix = "input_headers.";

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in config.Endpoints)
        {
            var endpointParams = EndpointRoute.Params(endpoint.Endpoint);
            foreach (var backend in endpoint.Backends)
            {
                foreach (var name in UrlPatternPlaceholders.Names(backend.UrlPattern))
                {
                    if (!IsDefined(name, endpoint, endpointParams))
                    {
                        problems.Error(backend.JsonPath + ".url_pattern", $"undefined output param '{name}'!");
                    }
                }
            }
        }
    }

    private static bool IsDefined(string name, EndpointConfig endpoint, IReadOnlyList<string> endpointParams)
    {
        if (endpointParams.Contains(name) || SequentialOrJwtPattern().IsMatch(name))
        {
            return true;
        }

        if (!name.StartsWith(HeaderPrefix, StringComparison.Ordinal) || name.Length == HeaderPrefix.Length)
        {
            return false;
        }

        var header = name[HeaderPrefix.Length..];
        foreach (var forwarded in endpoint.InputHeaders)
        {
            if (forwarded == "*" || string.Equals(forwarded, header, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(resp[0-9]+_.+)?(JWT\.[a-zA-Z0-9_\-.:/]+)?$")]
    private static partial Regex SequentialOrJwtPattern();
}
