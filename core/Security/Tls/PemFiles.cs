using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Security.Tls;

/// <summary>
/// Reads the PEM files <c>tls</c> and <c>client_tls</c> name, with the platform's PEM and X.509 readers. A file that
/// cannot be read, holds no certificate, or whose key does not belong to its certificate is an error at the JSON path
/// that names it; KrakenD logs and skips some of these, which would leave a protection silently off.
/// </summary>
internal static class PemFiles
{
    /// <summary>Every certificate of a PEM file (a bundle of authorities), or null and an error.</summary>
    public static X509Certificate2Collection? ReadCertificates(string file, string jsonPath, ConfigProblems problems)
    {
        if (ReadText(file, jsonPath, problems) is not { } text)
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
    public static CertificateWithChain? ReadKeyPair(TlsKeyPairFiles pair, ConfigProblems problems)
    {
        if (ReadCertificates(pair.CertificateFile, pair.CertificateJsonPath, problems) is not { } certificates
            || ReadText(pair.KeyFile, pair.KeyJsonPath, problems) is not { } keyText)
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

    private static string? ReadText(string file, string jsonPath, ConfigProblems problems)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Error(jsonPath, $"cannot read {file}: {e.Message}");
            return null;
        }
    }
}
