using System.Text.RegularExpressions;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// An endpoint path is required, starts with <c>/</c>, has <c>*</c> only at its end, has parameters only
/// as whole segments (<c>/users/{id}</c>), and stays out of the gateway's own paths. Only published endpoints are
/// routes; a workflow's <c>endpoint</c> is a name (<see cref="WorkflowEndpointValidator"/>).
/// </summary>
internal sealed partial class EndpointPathValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in config.Endpoints)
        {
            Validate(endpoint.Endpoint, endpoint.JsonPath + ".endpoint", problems);
        }
    }

    private static void Validate(string route, string path, ConfigProblems problems)
    {
        if (route.Length == 0)
        {
            if (!problems.HasErrorAt(path))
            {
                problems.Error(path, "required");
            }

            return;
        }

        if (route[0] != '/')
        {
            problems.Error(path, $"'{route}' must start with '/'");
        }

        var star = route.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0 && star != route.Length - 1)
        {
            problems.Error(path, $"'{route}': '*' is only allowed at the end");
        }

        foreach (var range in route.AsSpan().Split('/'))
        {
            var segment = route.AsSpan()[range];
            if (segment.ContainsAny('{', '}') && !EndpointRoute.IsParamSegment(segment))
            {
                problems.Error(path, $"'{route}': parameter '{segment}' must be a whole segment such as '{{name}}'");
            }
        }

        if (ReservedPattern().IsMatch(route))
        {
            problems.Error(path, $"'{route}' is reserved for the gateway's own endpoints");
        }
    }

    [GeneratedRegex("^/__(debug|echo|health)(/.*)?$")]
    private static partial Regex ReservedPattern();
}
