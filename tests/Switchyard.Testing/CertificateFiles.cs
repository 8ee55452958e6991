using System.Security.Cryptography.X509Certificates;

namespace Switchyard.Testing;

/// <summary>
/// A temporary folder of PEM files, as a configuration's <c>tls</c> and <c>client_tls</c> name them; deleted on dispose.
/// </summary>
public sealed class CertificateFiles : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("switchyard-tls-");

    /// <summary>The folder's full path.</summary>
    public string Folder => _directory.FullName;

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder; returns its full path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes the public part of <paramref name="certificate"/> to <c>NAME.pem</c>; returns its path.</summary>
    public string WriteCertificate(string name, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Write(name + ".pem", certificate.ExportCertificatePem());
    }

    /// <summary>Writes <c>NAME.pem</c> and <c>NAME-key.pem</c> (PKCS#8) for a certificate with its private key.</summary>
    public (string Certificate, string Key) WriteKeyPair(string name, X509Certificate2 certificate) =>
        (WriteCertificate(name, certificate), Write(name + "-key.pem", LoopbackCertificateAuthority.PrivateKeyPem(certificate)));

    /// <summary>The path a JSON string holds: backslashes and quotes escaped.</summary>
    public static string Json(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return System.Text.Json.JsonSerializer.Serialize(path);
    }

    /// <inheritdoc />
    public void Dispose() => _directory.Delete(recursive: true);
}
