using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Security.Tls;

/// <summary>
/// Reads the PEM files <c>tls</c> and <c>client_tls</c> name, with the platform's PEM and X.509 readers. A file that
/// cannot be read, holds no certificate, or whose key does not belong to its certificate is an error at the JSON path
/// that names it; KrakenD logs and skips some of these, which would leave a protection silently off.
/// </summary>
/// <param name="baseDirectory">
/// Where relative paths start: the working directory, as KrakenD reads them, unless <c>package</c> checks the files it
/// will ship next to the configuration.
/// </param>
/// <param name="problems">Where every problem goes.</param>
internal sealed class PemFiles(string? baseDirectory, ConfigProblems problems)
{
    public ConfigProblems Problems => problems;

    /// <summary>Every certificate of every file of a <c>ca_certs</c> array at <paramref name="jsonPath"/>.</summary>
    public X509Certificate2Collection ReadAuthorities(IReadOnlyList<string> files, string jsonPath)
    {
        var authorities = new X509Certificate2Collection();
        for (var i = 0; i < files.Count; i++)
        {
            if (ReadCertificates(files[i], JsonPaths.Index(jsonPath, i)) is { } certificates)
            {
                authorities.AddRange(certificates);
            }
        }

        return authorities;
    }

    /// <summary>Every certificate of a PEM file (a bundle of authorities), or null and an error.</summary>
    public X509Certificate2Collection? ReadCertificates(string file, string jsonPath)
    {
        if (ReadText(file, jsonPath) is not { } text)
        {
            return null;
        }

        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(text);
        }
        catch (CryptographicException e)
        {
            problems.Error(jsonPath, $"{file} holds a PEM certificate that cannot be read: {e.Message}");
            return null;
        }

        if (certificates.Count == 0)
        {
            problems.Error(jsonPath, $"{file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            return null;
        }

        return certificates;
    }

    /// <summary>
    /// The certificate of <paramref name="pair"/> with its private key, and the certificates that follow it in its file
    /// (intermediates, sent with it in the handshake); null and an error when the files cannot be read or do not pair.
    /// </summary>
    public CertificateWithChain? ReadKeyPair(TlsKeyPairFiles pair)
    {
        if (ReadCertificates(pair.CertificateFile, pair.CertificateJsonPath) is not { } certificates
            || ReadText(pair.KeyFile, pair.KeyJsonPath) is not { } keyText)
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            using var leaf = certificates[0];
            certificate = WithKey(leaf, keyText);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // The platform's message says whether the key is unreadable, encrypted or another certificate's; it never
            // quotes the key.
            problems.Error(pair.KeyJsonPath, $"{pair.KeyFile} is not the private key of the certificate in {pair.CertificateFile}: {e.Message}");
            return null;
        }

        certificates.RemoveAt(0);
        return new CertificateWithChain(certificate, certificates);
    }

    private static X509Certificate2 WithKey(X509Certificate2 leaf, string keyText)
    {
        var certificate = X509Certificate2.CreateFromPem(leaf.ExportCertificatePem(), keyText);
        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }

        // Windows' TLS only uses keys held by a key store, never the ephemeral key PEM loading makes.
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }

    private string? ReadText(string file, string jsonPath)
    {
        try
        {
            return File.ReadAllText(baseDirectory is null ? file : Path.Combine(baseDirectory, file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Error(jsonPath, $"cannot read {file}: {e.Message}");
            return null;
        }
    }
}
