namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Every backend ends up with at least one absolute http or https host, its own or the service's. Cleaned
/// hosts always are; hosts kept as written (<c>disable_host_sanitize</c>) are checked here. A backend that opens a
/// workflow is never called itself, so it may have no host; the workflow's backends must have one.
/// </summary>
internal sealed class BackendHostValidator : IConfigValidator
{
    private const string NoHost = "no host: set one here or in the root 'host'";
    private const string NoHostInWorkflow = "no host: set one here, on a backend that opens this workflow, or in the root 'host'";

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var node in EndpointNode.All(config))
        {
            var noHost = node.IsWorkflow ? NoHostInWorkflow : NoHost;
            foreach (var backend in node.Endpoint.Backends)
            {
                Validate(backend, noHost, problems);
            }
        }
    }

    private static void Validate(BackendConfig backend, string noHost, ConfigProblems problems)
    {
        var path = backend.JsonPath + ".host";
        if (backend.Host.Count == 0)
        {
            // A broken root host list is already reported, and it is what this backend inherits.
            if (backend.Workflow is null && !problems.HasErrorAt(path) && !problems.HasErrorAt("host"))
            {
                problems.Error(path, noHost);
            }

            return;
        }

        for (var i = 0; i < backend.Host.Count; i++)
        {
            var host = backend.Host[i];
            if (!Uri.TryCreate(host, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                problems.Error(JsonPaths.Index(path, i), $"invalid host '{host}': want an absolute http or https URL");
            }
        }
    }
}
