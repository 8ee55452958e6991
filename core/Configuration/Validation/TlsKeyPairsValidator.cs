namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// An active <c>tls</c> names at least one key pair, and every pair of <c>tls</c> and <c>client_tls.client_certs</c>
/// names both of its files. KrakenD refuses to start without a server pair (<c>public key not defined</c>) and skips a
/// bad client pair with a log line; here both are configuration errors, so a backend expecting a client certificate is
/// never called without one.
/// </summary>
internal sealed class TlsKeyPairsValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        if (config.Tls is { IsActive: true } tls)
        {
            if (tls.Keys.Count == 0 && !problems.HasErrorAt(ServerTlsOptions.JsonPath))
            {
                problems.Error(
                    ServerTlsOptions.JsonPath,
                    "public key not defined: give \"keys\": [{\"public_key\": \"cert.pem\", \"private_key\": \"key.pem\"}], or \"disabled\": true for plain HTTP");
            }

            CheckPairs(tls.Keys, problems);
        }

        if (config.ClientTls is { } client)
        {
            CheckPairs(client.ClientCerts, problems);
        }
    }

    private static void CheckPairs(IReadOnlyList<TlsKeyPairFiles> pairs, ConfigProblems problems)
    {
        foreach (var pair in pairs)
        {
            Require(pair.CertificateFile, pair.CertificateJsonPath, "the certificate", problems);
            Require(pair.KeyFile, pair.KeyJsonPath, "its private key", problems);
        }
    }

    private static void Require(string file, string path, string what, ConfigProblems problems)
    {
        if (file.Length == 0 && !problems.HasErrorAt(path))
        {
            var key = path[(path.LastIndexOf('.') + 1)..];
            problems.Error(path, $"{key} not defined: give the path of the PEM file of {what}");
        }
    }
}
