namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Each <c>flatmap_filter</c> operation is <c>move</c> or <c>append</c> with two paths, or <c>del</c> with
/// one or more (KrakenD deletes every path it is given). Paths name the <c>proxy</c> namespace by its short name
/// even when the file used an alias. Workflows and their backends are checked alike.
/// </summary>
internal sealed class FlatmapFilterValidator : IConfigValidator
{
    private static readonly Dictionary<string, (int Min, int Max)> ArgCounts = new(StringComparer.Ordinal)
    {
        ["move"] = (2, 2),
        ["append"] = (2, 2),
        ["del"] = (1, int.MaxValue),
    };

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in EndpointNode.AllEndpoints(config))
        {
            Validate(endpoint.Proxy.FlatmapFilter, endpoint.JsonPath, problems);
            foreach (var backend in endpoint.Backends)
            {
                Validate(backend.Proxy.FlatmapFilter, backend.JsonPath, problems);
            }
        }
    }

    private static void Validate(IReadOnlyList<FlatmapOperation> operations, string ownerPath, ConfigProblems problems)
    {
        var filterPath = ownerPath + ".extra_config.proxy.flatmap_filter";
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            var path = JsonPaths.Index(filterPath, i);
            if (problems.HasErrorAt(path))
            {
                continue;
            }

            if (!ArgCounts.TryGetValue(operation.Type, out var argCount))
            {
                problems.Error(path + ".type", $"unknown operation '{operation.Type}' (want: move, del or append)");
                continue;
            }

            var count = operation.Args.Count;
            if (count < argCount.Min || count > argCount.Max)
            {
                var wanted = argCount.Min == argCount.Max ? $"{argCount.Min}" : $"at least {argCount.Min}";
                problems.Error(path + ".args", $"'{operation.Type}' needs {wanted} args, got {count}");
            }
        }
    }
}
