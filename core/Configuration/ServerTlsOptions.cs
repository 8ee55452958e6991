using System.Net.Security;

namespace Switchyard.Core.Configuration;

/// <summary>
/// The root <c>tls</c> object: HTTPS on the gateway's port, and with <see cref="EnableMtls"/> a verified client
/// certificate on every connection. Under the Azure Functions host TLS ends at the platform's front end and this does not
/// apply (see the README).
/// </summary>
public sealed record ServerTlsOptions
{
    /// <summary>The JSON path of the object.</summary>
    public const string JsonPath = "tls";

    /// <summary>Serve plain HTTP after all (<c>disabled</c>). <value>The default value is false.</value></summary>
    public bool Disabled { get; init; }

    /// <summary>
    /// The server certificates (<c>keys</c>, then the older <c>public_key</c>/<c>private_key</c> pair when given); the one
    /// whose names match the client's SNI host name is served, else the first.
    /// <value>The default value is empty, which is a configuration error unless <see cref="Disabled"/>.</value>
    /// </summary>
    public IReadOnlyList<TlsKeyPairFiles> Keys { get; init; } = [];

    /// <summary>The oldest protocol accepted (<c>min_version</c>). <value>The default value is TLS 1.3.</value></summary>
    public TlsVersion MinVersion { get; init; } = TlsDefaults.Version;

    /// <summary>The newest protocol accepted (<c>max_version</c>). <value>The default value is TLS 1.3.</value></summary>
    public TlsVersion MaxVersion { get; init; } = TlsDefaults.Version;

    /// <summary>
    /// The cipher suites allowed up to TLS 1.2 (<c>cipher_suites</c>, IANA numbers); TLS 1.3 suites are always all
    /// allowed, as in Go. <value>The default value is <see cref="TlsDefaults.CipherSuites"/>.</value>
    /// </summary>
    public IReadOnlyList<TlsCipherSuite> CipherSuites { get; init; } = TlsDefaults.CipherSuites;

    /// <summary>
    /// Require a client certificate that chains to a trusted authority on every connection (<c>enable_mtls</c>).
    /// <value>The default value is false.</value>
    /// </summary>
    public bool EnableMtls { get; init; }

    /// <summary>
    /// PEM files of the authorities client certificates may chain to (<c>ca_certs</c>), besides the system's and the
    /// server's own certificates. <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyList<string> CaCerts { get; init; } = [];

    /// <summary>
    /// Do not trust the system's authorities for client certificates (<c>disable_system_ca_pool</c>).
    /// <value>The default value is false.</value>
    /// </summary>
    public bool DisableSystemCaPool { get; init; }

    /// <summary>True unless <see cref="Disabled"/>: the gateway serves HTTPS only.</summary>
    public bool IsActive => !Disabled;
}
