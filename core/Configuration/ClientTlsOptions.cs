using System.Net.Security;

namespace Switchyard.Core.Configuration;

/// <summary>
/// The root <c>client_tls</c> object (and the root <c>allow_insecure_connections</c>): how every backend call over HTTPS
/// verifies the backend and presents itself. It applies standalone and under the Azure Functions host alike.
/// </summary>
public sealed record ClientTlsOptions
{
    /// <summary>The JSON path of the object.</summary>
    public const string JsonPath = "client_tls";

    /// <summary>
    /// Accept any backend certificate, unverified (<c>allow_insecure_connections</c>, here or at the root).
    /// <value>The default value is false.</value>
    /// </summary>
    public bool AllowInsecureConnections { get; init; }

    /// <summary>
    /// PEM files of the authorities backend certificates may chain to (<c>ca_certs</c>), besides the system's.
    /// <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyList<string> CaCerts { get; init; } = [];

    /// <summary>
    /// Do not trust the system's authorities for backend certificates (<c>disable_system_ca_pool</c>).
    /// <value>The default value is false.</value>
    /// </summary>
    public bool DisableSystemCaPool { get; init; }

    /// <summary>
    /// The oldest protocol offered to backends (<c>min_version</c>). <value>The default value is TLS 1.3 (KrakenD's
    /// once the block exists).</value>
    /// </summary>
    public TlsVersion MinVersion { get; init; } = TlsDefaults.Version;

    /// <summary>The newest protocol offered to backends (<c>max_version</c>). <value>The default value is TLS 1.3.</value></summary>
    public TlsVersion MaxVersion { get; init; } = TlsDefaults.Version;

    /// <summary>
    /// The cipher suites offered up to TLS 1.2 (<c>cipher_suites</c>); TLS 1.3 suites are always all offered.
    /// <value>The default value is <see cref="TlsDefaults.CipherSuites"/>.</value>
    /// </summary>
    public IReadOnlyList<TlsCipherSuite> CipherSuites { get; init; } = TlsDefaults.CipherSuites;

    /// <summary>
    /// Client certificates presented to backends that ask for one (<c>client_certs</c>): mutual TLS to backends.
    /// <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyList<TlsKeyPairFiles> ClientCerts { get; init; } = [];
}
