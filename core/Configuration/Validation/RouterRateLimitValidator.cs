using Switchyard.Core.Resilience.RateLimit;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Every endpoint's <c>qos/ratelimit/router</c> limits something and can be enforced as written: rates and capacities
/// not negative, at least one rate above 0, a window of at least 1s, and with <c>client_max_rate</c> a strategy that
/// names a client (<c>ip</c>, or <c>header</c> / <c>param</c> with a <c>key</c>, the parameter one of the endpoint's).
/// KrakenD logs a warning for an unknown strategy and lets every client through, and reads a shorter window as 1s;
/// here the file is refused.
/// </summary>
internal sealed class RouterRateLimitValidator : IConfigValidator
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in config.Endpoints)
        {
            if (endpoint.RateLimit is { } limit)
            {
                Validate(endpoint, limit, NamespacePaths.Of(NamespaceAliases.QosRateLimitRouter, endpoint.JsonPath), problems);
            }
        }
    }

    private static void Validate(EndpointConfig endpoint, RouterRateLimitOptions limit, string path, ConfigProblems problems)
    {
        RateLimitRules.NotNegative(limit.MaxRate, path + ".max_rate", problems);
        RateLimitRules.NotNegative(limit.ClientMaxRate, path + ".client_max_rate", problems);
        RateLimitRules.NotNegative(limit.Capacity, path + ".capacity", problems);
        RateLimitRules.NotNegative(limit.ClientCapacity, path + ".client_capacity", problems);
        if (limit.MaxRate == 0 && limit.ClientMaxRate == 0)
        {
            problems.Error(path, "sets neither 'max_rate' nor 'client_max_rate' above 0: it would limit nothing");
        }

        if (limit.Every < Second)
        {
            problems.Error(path + ".every", $"must be at least 1s, got {GoDurationFormat.Format(limit.Every)} (write the rate for a longer window)");
        }

        if (limit.NumShards is < 0 or > RouterRateLimitOptions.DefaultMaxClients)
        {
            problems.Error(
                path + ".num_shards",
                $"must be between 0 and {RouterRateLimitOptions.DefaultMaxClients} (the most client buckets an endpoint keeps), got {limit.NumShards}");
        }

        if (limit.CleanupPeriod < Second)
        {
            problems.Error(path + ".cleanup_period", $"must be at least 1s, got {GoDurationFormat.Format(limit.CleanupPeriod)}");
        }

        if (limit.CleanupThreads < 1)
        {
            problems.Error(path + ".cleanup_threads", $"must be at least 1, got {limit.CleanupThreads}");
        }

        if (limit.ClientMaxRate > 0)
        {
            ValidateStrategy(endpoint, limit, path, problems);
        }
    }

    private static void ValidateStrategy(EndpointConfig endpoint, RouterRateLimitOptions limit, string path, ConfigProblems problems)
    {
        switch (limit.ClientStrategy)
        {
            case null:
                problems.Error(
                    path + ".strategy",
                    $"unknown strategy '{limit.Strategy}' with 'client_max_rate': expected ip, header, param or jwt, or clients would not be limited");
                break;
            case ClientKeyStrategy.Header when limit.Key.Length == 0:
                problems.Error(path + ".key", "the header naming the client is required with strategy 'header'");
                break;
            case ClientKeyStrategy.Param when !EndpointRoute.Params(endpoint.Endpoint).Contains(limit.Key, StringComparer.Ordinal):
                problems.Error(path + ".key", $"'{limit.Key}' is not a parameter of endpoint '{endpoint.Endpoint}' (strategy 'param')");
                break;
            case ClientKeyStrategy.Jwt when limit.Key.Length == 0:
                problems.Error(path + ".key", "the claim naming the client is required with strategy 'jwt'");
                break;
            case ClientKeyStrategy.Jwt when endpoint.JwtValidator is null:
                problems.Error(path + ".strategy", "strategy 'jwt' reads the claims of the token auth/validator accepts: the endpoint has no auth/validator");
                break;
        }
    }
}
