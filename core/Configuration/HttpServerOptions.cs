namespace Switchyard.Core.Configuration;

/// <summary>
/// The root keys that bound the gateway's HTTP server, as Go's <c>http.Server</c> reads them. A key left out, zero or
/// negative keeps the default.
/// </summary>
public sealed record HttpServerOptions
{
    /// <summary>Go's <c>http.DefaultMaxHeaderBytes</c>.</summary>
    public const int DefaultMaxHeaderBytes = 1 << 20;

    /// <summary>
    /// How long a client may take to send a request's headers (<c>read_header_timeout</c>).
    /// <value>The default value is null: Kestrel's 30 s (Go has no limit).</value>
    /// </summary>
    public TimeSpan? ReadHeaderTimeout { get; init; }

    /// <summary>
    /// How long a kept-alive connection may wait for its next request (<c>idle_timeout</c>).
    /// <value>The default value is null: Kestrel's 130 s.</value>
    /// </summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>
    /// The largest request headers accepted, in bytes (<c>max_header_bytes</c>); larger ones get 431.
    /// <value>The default value is 1 MiB, Go's, so a request KrakenD accepts reaches the gateway's own checks.</value>
    /// </summary>
    public int MaxHeaderBytes { get; init; } = DefaultMaxHeaderBytes;
}
