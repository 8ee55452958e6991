namespace Switchyard.Core.Configuration;

/// <summary>
/// A protocol version as <c>min_version</c> and <c>max_version</c> name it (<c>SSL3.0</c>, <c>TLS10</c>, <c>TLS11</c>,
/// <c>TLS12</c>, <c>TLS13</c>), oldest first so that versions compare in order.
/// </summary>
public enum TlsVersion
{
    /// <summary><c>SSL3.0</c>: no TLS stack Switchyard runs on (nor Go's since 1.14) speaks it.</summary>
    Ssl30,

    /// <summary><c>TLS10</c>.</summary>
    Tls10,

    /// <summary><c>TLS11</c>.</summary>
    Tls11,

    /// <summary><c>TLS12</c>.</summary>
    Tls12,

    /// <summary><c>TLS13</c>.</summary>
    Tls13,
}
