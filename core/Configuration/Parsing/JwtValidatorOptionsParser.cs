using System.Text.Json;
using Switchyard.Core.Security.Jwt;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the <c>auth/validator</c> namespace: an endpoint's block (every key KrakenD CE reads) and the service-level
/// block (<c>shared_cache_duration</c> only). A key Switchyard does not know is an error (the namespace protects), and
/// so is every setting KrakenD would silently weaken: an unknown <c>alg</c>, <c>scopes</c> without <c>scopes_key</c>,
/// an unknown <c>scopes_matcher</c> or <c>key_identify_strategy</c>, a malformed <c>propagate_claims</c> pair.
/// </summary>
internal static class JwtValidatorOptionsParser
{
    public const string Namespace = "auth/validator";

    private const string PropagateKey = "propagate_claims";

    /// <summary>The endpoint's block, or null when it has none.</summary>
    public static JwtValidatorOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(Namespace, problems);
        if (reader is null)
        {
            return null;
        }

        var defaults = new JwtValidatorOptions { Algorithm = "", Keys = new JwkSourceOptions() };
        var keys = JwkSourceOptionsParser.Parse(reader);
        var cache = reader.Bool("cache");
        if (cache && keys.LocalPath is not null)
        {
            reader.Problems.Error(reader.PathOf("cache"), "cache applies to keys downloaded from jwk_url; a jwk_local_path is read once");
        }

        var options = new JwtValidatorOptions
        {
            Algorithm = JwtOptionsReading.Algorithm(reader),
            Keys = keys,
            Cache = cache,
            CacheDuration = Seconds(reader, "cache_duration") ?? defaults.CacheDuration,
            FailedKeyCooldown = Cooldown(reader) ?? defaults.FailedKeyCooldown,
            KeyIdentifyStrategy = Strategy(reader),
            Audience = reader.Strings("audience"),
            Issuer = reader.String("issuer") is { Length: > 0 } issuer ? issuer : null,
            Roles = reader.Strings("roles"),
            RolesKey = NonEmpty(reader, "roles_key") ?? defaults.RolesKey,
            RolesKeyIsNested = reader.Bool("roles_key_is_nested"),
            Scopes = reader.Strings("scopes"),
            ScopesKey = NonEmpty(reader, "scopes_key"),
            ScopesMatcher = Matcher(reader),
            CookieKey = NonEmpty(reader, "cookie_key") ?? defaults.CookieKey,
            AuthHeaderName = HeaderName(reader, "auth_header_name") ?? defaults.AuthHeaderName,
            PropagateClaims = Propagation(reader),
            PropagateClaimsPreserveArray = reader.Bool("propagate_claims_preserve_array"),
            Leeway = Leeway(reader),
            OperationDebug = reader.Bool("operation_debug"),
            JsonPath = reader.Path,
        };

        if (options.Scopes.Count > 0 && options.ScopesKey is null && !reader.Problems.HasErrorAt(reader.PathOf("scopes_key")))
        {
            // KrakenD checks no scope at all then: the requirement would be silently dropped.
            reader.Problems.Error(reader.PathOf("scopes"), "scopes need scopes_key, the claim that holds them");
        }

        reader.ReportUnknownKeys();
        return options;
    }

    /// <summary>The service's block (<c>shared_cache_duration</c>), or null when it has none.</summary>
    public static JwtServiceOptions? ParseService(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(Namespace, problems);
        if (reader is null)
        {
            return null;
        }

        var options = new JwtServiceOptions
        {
            SharedCacheDuration = Seconds(reader, "shared_cache_duration") ?? JwtValidatorOptions.DefaultCacheDuration,
        };
        reader.ReportUnknownKeys();
        return options;
    }

    // A whole number of seconds; 0 means the default, as in KrakenD.
    private static TimeSpan? Seconds(JsonObjectReader reader, string key)
    {
        var seconds = reader.Int(key);
        if (seconds < 0)
        {
            reader.Problems.Error(reader.PathOf(key), "must not be negative (seconds; 0 means the default)");
            return null;
        }

        return seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : null;
    }

    private static TimeSpan? Cooldown(JsonObjectReader reader)
    {
        var cooldown = reader.Duration("failed_jwk_key_cooldown");
        if (cooldown < TimeSpan.FromSeconds(1))
        {
            reader.Problems.Error(reader.PathOf("failed_jwk_key_cooldown"), "must be at least 1s: unknown key ids would download the key set on every request");
            return null;
        }

        return cooldown;
    }

    private static TimeSpan Leeway(JsonObjectReader reader)
    {
        var leeway = reader.Duration("leeway") ?? JwtValidatorOptions.MinimumLeeway;
        if (leeway < TimeSpan.Zero)
        {
            reader.Problems.Error(reader.PathOf("leeway"), "must not be negative");
        }

        // KrakenD raises anything under a second to a second.
        return leeway < JwtValidatorOptions.MinimumLeeway ? JwtValidatorOptions.MinimumLeeway : leeway;
    }

    private static KeyIdentifyStrategy Strategy(JsonObjectReader reader)
    {
        const string Key = "key_identify_strategy";
        switch (reader.String(Key))
        {
            case null or "kid":
                return KeyIdentifyStrategy.Kid;
            case "x5t":
                return KeyIdentifyStrategy.X5t;
            case "x5t#S256":
                return KeyIdentifyStrategy.X5tS256;
            case "kid_x5t":
                return KeyIdentifyStrategy.KidX5t;
            case { } other:
                reader.Problems.Error(reader.PathOf(Key), $"unknown strategy '{other}': expected kid, x5t, x5t#S256 or kid_x5t");
                return KeyIdentifyStrategy.Kid;
        }
    }

    private static ScopesMatcher Matcher(JsonObjectReader reader)
    {
        const string Key = "scopes_matcher";
        switch (reader.String(Key))
        {
            case null or "any":
                return ScopesMatcher.Any;
            case "all":
                return ScopesMatcher.All;
            case { } other:
                // KrakenD reads any other value as "any": a misspelt "all" would accept tokens with a single scope.
                reader.Problems.Error(reader.PathOf(Key), $"unknown matcher '{other}': expected any or all");
                return ScopesMatcher.All;
        }
    }

    private static string? NonEmpty(JsonObjectReader reader, string key) => reader.String(key) is { Length: > 0 } value ? value : null;

    private static string? HeaderName(JsonObjectReader reader, string key)
    {
        var name = NonEmpty(reader, key);
        if (name is not null && !HeaderNames.IsValid(name))
        {
            reader.Problems.Error(reader.PathOf(key), $"'{name}' is not a valid header name");
            return null;
        }

        return name;
    }

    private static List<ClaimToHeader> Propagation(JsonObjectReader reader)
    {
        var pairs = new List<ClaimToHeader>();
        if (!reader.TryGet(PropagateKey, out var element))
        {
            return pairs;
        }

        var path = reader.PathOf(PropagateKey);
        if (element.ValueKind != JsonValueKind.Array)
        {
            reader.Problems.Error(path, "expected an array of [claim, header] pairs, got " + JsonValueText.Describe(element));
            return pairs;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = JsonPaths.Index(path, index++);
            if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 2
                || item[0].ValueKind != JsonValueKind.String || item[1].ValueKind != JsonValueKind.String
                || string.IsNullOrEmpty(item[0].GetString()))
            {
                // KrakenD skips such a pair silently; the header the backend relies on would be missing.
                reader.Problems.Error(itemPath, "expected a pair [\"claim\", \"Header-Name\"], got " + JsonValueText.Describe(item));
                continue;
            }

            var header = item[1].GetString()!;
            if (!HeaderNames.IsValid(header))
            {
                reader.Problems.Error(JsonPaths.Index(itemPath, 1), $"'{header}' is not a valid header name");
                continue;
            }

            pairs.Add(new ClaimToHeader(item[0].GetString()!, header));
        }

        return pairs;
    }
}
