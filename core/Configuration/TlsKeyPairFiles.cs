namespace Switchyard.Core.Configuration;

/// <summary>
/// A certificate and its private key, two PEM files: one of <c>tls.keys</c> (<c>public_key</c>, <c>private_key</c>) or of
/// <c>client_tls.client_certs</c> (<c>certificate</c>, <c>private_key</c>). Paths are absolute or relative to the
/// working directory, as KrakenD reads them.
/// </summary>
public sealed record TlsKeyPairFiles
{
    /// <summary>The PEM file of the certificate, optionally followed by its intermediate certificates.</summary>
    public string CertificateFile { get; init; } = "";

    /// <summary>The PEM file of the private key (unencrypted PKCS#8, PKCS#1 or SEC 1).</summary>
    public string KeyFile { get; init; } = "";

    /// <summary>The JSON path of <see cref="CertificateFile"/>, such as <c>tls.keys[0].public_key</c>, for messages.</summary>
    public string CertificateJsonPath { get; init; } = "";

    /// <summary>The JSON path of <see cref="KeyFile"/>, such as <c>tls.keys[0].private_key</c>, for messages.</summary>
    public string KeyJsonPath { get; init; } = "";
}
