namespace Switchyard.Core.Configuration.Namespaces;

/// <summary>
/// The keys of the root object and of the <c>router</c> namespace that KrakenD reads and Switchyard does not: refused
/// when ignoring them would weaken a protection or change what reaches a backend or a client, else warned. The README's
/// table is generated from this list too.
/// </summary>
public static class UnservedKeys
{
    /// <summary>The owner name of root keys.</summary>
    public const string Root = "root";

    /// <summary>The owner name of the <c>router</c> namespace's keys.</summary>
    public const string Router = "router";

    private const string ClientAnswer = "clients would get different answers";

    /// <summary>The keys, by owner, in the order of the README table.</summary>
    public static IReadOnlyList<UnservedKey> All { get; } =
    [
        new(Root, "plugin", "plugin loading", "the plugins the configuration relies on would not run"),
        new(Root, "use_h2c", "cleartext HTTP/2", null),
        new(Root, "read_timeout", "server read timeout", null),
        new(Root, "write_timeout", "server write timeout", null),
        new(Root, "dialer_keep_alive", "backend TCP keep-alive", null),
        new(Root, "dialer_fallback_delay", "backend dual-stack fallback delay", null),
        new(Root, "disable_keep_alives", "backend connection reuse", null),
        new(Root, "disable_compression", "backend gzip negotiation", null),
        new(Root, "max_idle_connections", "backend idle connections", null),
        new(Root, "max_idle_connections_per_host", "backend idle connections per host", null),
        new(Root, "response_header_timeout", "backend header timeout", null),
        new(Root, "dns_cache_ttl", "DNS cache", null),
        new(Root, "max_shutdown_wait_time", "graceful shutdown wait", null),
        new(Root, "sequential_start", "agent start order", null),
        new(Root, "disable_rest", "RESTful url_pattern check", null),
        new(Router, "max_payload", "request body size limit", "request bodies would only be bounded by Switchyard's own limit"),
        new(Router, "decompress_gzip", "gzip request bodies", "backends would get compressed bodies"),
        new(Router, "disable_gzip", "gzip responses", null),
        new(Router, "use_h2c", "cleartext HTTP/2", null),
        new(Router, "max_multipart_memory", "multipart memory", null),
        new(Router, "logger_skip_paths", "access log paths", null),
        new(Router, "disable_access_log", "access log", null),
    ];

    /// <summary>Reports each unserved key of <paramref name="owner"/> that <paramref name="reader"/>'s object has.</summary>
    internal static void Report(Parsing.JsonObjectReader reader, string owner)
    {
        foreach (var key in All)
        {
            if (key.Owner != owner)
            {
                continue;
            }

            if (key.IsProtective)
            {
                reader.Refuse(key.Key, key.Feature, key.Loss!);
            }
            else
            {
                reader.Ignore(key.Key, key.Feature);
            }
        }
    }
}
