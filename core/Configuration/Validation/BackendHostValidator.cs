namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Every backend ends up with at least one absolute http or https host, its own or the service's. Cleaned
/// hosts always are; hosts kept as written (<c>disable_host_sanitize</c>) are checked here.
/// </summary>
internal sealed class BackendHostValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in config.Endpoints)
        {
            foreach (var backend in endpoint.Backends)
            {
                Validate(backend, problems);
            }
        }
    }

    private static void Validate(BackendConfig backend, ConfigProblems problems)
    {
        var path = backend.JsonPath + ".host";
        if (backend.Host.Count == 0)
        {
            // A broken root host list is already reported, and it is what this backend inherits.
            if (!problems.HasErrorAt(path) && !problems.HasErrorAt("host"))
            {
                problems.Error(path, "no host: set one here or in the root 'host'");
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
