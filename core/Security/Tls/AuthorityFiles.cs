using System.Security.Cryptography.X509Certificates;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Security.Tls;

/// <summary>Reads the <c>ca_certs</c> array of <c>tls</c> or <c>client_tls</c>: every certificate of every file.</summary>
internal static class AuthorityFiles
{
    public static X509Certificate2Collection Read(IReadOnlyList<string> files, string jsonPath, ConfigProblems problems)
    {
        var authorities = new X509Certificate2Collection();
        for (var i = 0; i < files.Count; i++)
        {
            if (PemFiles.ReadCertificates(files[i], JsonPaths.Index(jsonPath, i), problems) is { } certificates)
            {
                authorities.AddRange(certificates);
            }
        }

        return authorities;
    }
}
