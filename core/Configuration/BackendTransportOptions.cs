namespace Switchyard.Core.Configuration;

/// <summary>
/// The root keys that tune the connections to backends, as Go's <c>http.Transport</c> reads them. A key left out, zero or
/// negative keeps the default.
/// </summary>
public sealed record BackendTransportOptions
{
    /// <summary>
    /// How long opening a connection to a backend may take (<c>dialer_timeout</c>; the TLS handshake included).
    /// <value>The default value is 10 s.</value>
    /// </summary>
    public TimeSpan DialerTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an idle backend connection is kept for reuse (<c>idle_connection_timeout</c>).
    /// <value>The default value is 90 s, Go's default transport's.</value>
    /// </summary>
    public TimeSpan IdleConnectionTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// How long a request with <c>Expect: 100-continue</c> waits for the backend's go-ahead before sending its body
    /// (<c>expect_continue_timeout</c>). <value>The default value is null: .NET's 1 s.</value>
    /// </summary>
    public TimeSpan? ExpectContinueTimeout { get; init; }
}
