using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Switchyard.Core.Tests.Configuration;

/// <summary>
/// Real files for configurations that name a <c>jwk_local_path</c> or a <c>jwk_local_ca</c> (they are read when the
/// configuration loads): written once per test run into a temporary folder, deleted when the run ends.
/// </summary>
internal static class JwkFiles
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("switchyard-jwk-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    });

    private static readonly Lazy<string> KeySetFile = new(() => Write("jwks.json", $$"""
        {"keys": [{"kty": "oct", "kid": "k", "k": "{{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}}"}]}
        """));

    private static readonly Lazy<string> AuthorityFile = new(() =>
    {
        using var key = ECDsa.Create();
        using var certificate = new CertificateRequest("CN=Test CA", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return Write("ca.pem", certificate.ExportCertificatePem());
    });

    /// <summary>A JWK set holding one HMAC key, kid <c>k</c>.</summary>
    public static string KeySet => KeySetFile.Value;

    /// <summary>A PEM CA certificate.</summary>
    public static string Authority => AuthorityFile.Value;

    /// <summary>The JSON text of <paramref name="path"/> (backslashes escaped), to put into a configuration.</summary>
    public static string Json(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);

    private static string Write(string name, string content)
    {
        var path = Path.Combine(Folder.Value, name);
        File.WriteAllText(path, content);
        return path;
    }
}
