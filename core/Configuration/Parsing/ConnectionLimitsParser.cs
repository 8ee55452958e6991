namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the root keys of the gateway's HTTP server and of its connections to backends that Switchyard honours. A zero
/// or negative value keeps the default, as a zero keeps Go's (Kestrel has no "no limit" for the server's).
/// </summary>
internal static class ConnectionLimitsParser
{
    public static HttpServerOptions Server(JsonObjectReader root) => new()
    {
        ReadHeaderTimeout = Positive(root.Duration("read_header_timeout")),
        IdleTimeout = Positive(root.Duration("idle_timeout")),
        MaxHeaderBytes = root.Int("max_header_bytes") is > 0 and var bytes ? bytes : HttpServerOptions.DefaultMaxHeaderBytes,
    };

    public static BackendTransportOptions Transport(JsonObjectReader root)
    {
        var defaults = new BackendTransportOptions();
        return new BackendTransportOptions
        {
            DialerTimeout = Positive(root.Duration("dialer_timeout")) ?? defaults.DialerTimeout,
            IdleConnectionTimeout = Positive(root.Duration("idle_connection_timeout")) ?? defaults.IdleConnectionTimeout,
            ExpectContinueTimeout = Positive(root.Duration("expect_continue_timeout")),
        };
    }

    private static TimeSpan? Positive(TimeSpan? value) => value > TimeSpan.Zero ? value : null;
}
