using Switchyard.Core.Agents;

namespace Switchyard.Core.Configuration;

/// <summary>
/// Fills what the file left out, as lura's <c>ServiceConfig.Init</c> does: service defaults, then service
/// values into endpoints, then endpoint values into backends; and normalises methods, encodings, hosts,
/// header names and url patterns. A zero timeout, TTL or call count means "not set", as in lura. Workflows are
/// cascaded recursively by <see cref="WorkflowCascade"/>, async agents' pipes by <see cref="AsyncAgentCascade"/>.
/// </summary>
internal static class ConfigCascade
{
    private static readonly HashSet<string> BackendEncodings = new(StringComparer.Ordinal)
    {
        EncodingNames.Json, EncodingNames.SafeJson, EncodingNames.FastJson, EncodingNames.String,
        EncodingNames.Xml, EncodingNames.Rss, EncodingNames.Yaml, EncodingNames.NoOp,
    };

    public static ServiceConfig Apply(ServiceConfig service, ConfigProblems problems)
    {
        var root = service with
        {
            Port = service.Port == 0 ? ServiceDefaults.Port : service.Port,
            Timeout = service.Timeout == TimeSpan.Zero ? ServiceDefaults.Timeout : service.Timeout,
            OutputEncoding = service.OutputEncoding.Length == 0 ? EncodingNames.Json : service.OutputEncoding,
            Host = CleanHosts(service.Host, "host", problems),
        };

        var defaults = CascadeDefaults.From(root);
        var endpoints = new List<EndpointConfig>(root.Endpoints.Count);
        foreach (var endpoint in root.Endpoints)
        {
            endpoints.Add(ApplyToEndpoint(endpoint, defaults, problems));
        }

        var agents = new List<AsyncAgentConfig>(root.AsyncAgents.Count);
        foreach (var agent in root.AsyncAgents)
        {
            agents.Add(AsyncAgentCascade.Apply(agent, root, problems));
        }

        return root with { Endpoints = endpoints, AsyncAgents = agents };
    }

    /// <summary>Cascades into one endpoint and its backends; nested endpoints (workflows) use it too.</summary>
    public static EndpointConfig ApplyToEndpoint(EndpointConfig endpoint, CascadeDefaults defaults, ConfigProblems problems)
    {
        var filled = endpoint with
        {
            Method = endpoint.Method.Length == 0 ? ServiceDefaults.Method : endpoint.Method.ToUpperInvariant(),
            Timeout = endpoint.Timeout == TimeSpan.Zero ? defaults.Timeout : endpoint.Timeout,
            CacheTtl = endpoint.CacheTtl == TimeSpan.Zero ? defaults.CacheTtl : endpoint.CacheTtl,
            ConcurrentCalls = endpoint.ConcurrentCalls == 0 ? ServiceDefaults.ConcurrentCalls : endpoint.ConcurrentCalls,
            OutputEncoding = endpoint.OutputEncoding.Length == 0 ? defaults.OutputEncoding : endpoint.OutputEncoding,
            InputHeaders = CanonicalHeaders(endpoint.InputHeaders),
        };

        var backends = new List<BackendConfig>(filled.Backends.Count);
        foreach (var backend in filled.Backends)
        {
            backends.Add(ApplyToBackend(backend, filled, defaults.Hosts, problems));
        }

        return filled with { Backends = backends };
    }

    private static BackendConfig ApplyToBackend(
        BackendConfig backend,
        EndpointConfig endpoint,
        IReadOnlyList<string> defaultHosts,
        ConfigProblems problems)
    {
        var hosts = backend.Host.Count == 0 ? defaultHosts
            : backend.DisableHostSanitize ? backend.Host
            : CleanHosts(backend.Host, backend.JsonPath + ".host", problems);

        var cascaded = backend with
        {
            Host = hosts,
            Method = (backend.Method.Length == 0 ? endpoint.Method : backend.Method).ToUpperInvariant(),
            Encoding = BackendEncoding(backend, endpoint, problems),
            UrlPattern = backend.UrlPattern.Length == 0 || backend.UrlPattern[0] == '/' ? backend.UrlPattern : "/" + backend.UrlPattern,
            Timeout = endpoint.Timeout,
            ConcurrentCalls = endpoint.ConcurrentCalls,
            Hedging = endpoint.Hedging,
            InputHeaders = CanonicalHeaders(backend.InputHeaders),
        };

        if (cascaded.Durable?.Compensate is { } compensate)
        {
            // A compensation undoes its step, usually on the same service: it cascades as its step does, and takes the
            // step's hosts unless it names its own.
            cascaded = cascaded with { Durable = cascaded.Durable with { Compensate = ApplyToBackend(compensate, endpoint, hosts, problems) } };
        }

        return cascaded.Workflow is null
            ? cascaded
            : cascaded with { Workflow = WorkflowCascade.Apply(cascaded.Workflow, cascaded, endpoint, problems) };
    }

    private static string BackendEncoding(BackendConfig backend, EndpointConfig endpoint, ConfigProblems problems)
    {
        // A no-op endpoint streams the backend's answer untouched, so the backend cannot decode it.
        if (endpoint.OutputEncoding == EncodingNames.NoOp)
        {
            return EncodingNames.NoOp;
        }

        var encoding = backend.Encoding.ToLowerInvariant();
        if (encoding.Length == 0)
        {
            return EncodingNames.Json;
        }

        if (!BackendEncodings.Contains(encoding))
        {
            problems.Warning(backend.JsonPath + ".encoding", $"unknown encoding '{backend.Encoding}' (json is used)");
            return EncodingNames.Json;
        }

        return encoding;
    }

    /// <summary>Cleans hosts; an invalid one is reported and left out.</summary>
    private static List<string> CleanHosts(IReadOnlyList<string> hosts, string path, ConfigProblems problems)
    {
        var cleaned = new List<string>(hosts.Count);
        for (var i = 0; i < hosts.Count; i++)
        {
            if (HostCleaner.TryClean(hosts[i], out var host))
            {
                cleaned.Add(host);
            }
            else
            {
                problems.Error(JsonPaths.Index(path, i), $"{HostCleaner.InvalidHost} '{hosts[i]}'");
            }
        }

        return cleaned;
    }

    private static List<string> CanonicalHeaders(IReadOnlyList<string> names)
    {
        var canonical = new List<string>(names.Count);
        foreach (var name in names)
        {
            canonical.Add(name == "*" ? name : HeaderNames.Canonical(name));
        }

        return canonical;
    }
}
