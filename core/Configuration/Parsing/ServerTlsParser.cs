namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the root <c>tls</c> object. Every key is known or an error: a key Switchyard did not read could be a
/// protection it would not apply.
/// </summary>
internal static class ServerTlsParser
{
    private const string PublicKey = "public_key";

    /// <summary>The options, or null when the root has no <c>tls</c> (or it is null, as Go reads it).</summary>
    public static ServerTlsOptions? Parse(JsonObjectReader root)
    {
        if (!root.TryGet(ServerTlsOptions.JsonPath, out var element))
        {
            return null;
        }

        var reader = JsonObjectReader.Open(element, root.PathOf(ServerTlsOptions.JsonPath), root.Problems, unknownKeysAreErrors: true);
        if (reader is null)
        {
            return null;
        }

        var keys = TlsFieldReader.KeyPairs(reader, "keys", PublicKey);

        // KrakenD's older single pair is appended to keys when either half is given.
        var legacy = TlsFieldReader.KeyPair(reader, PublicKey);
        if (legacy.CertificateFile.Length > 0 || legacy.KeyFile.Length > 0)
        {
            keys.Add(legacy);
        }

        var options = new ServerTlsOptions
        {
            Disabled = reader.Bool("disabled"),
            Keys = keys,
            MinVersion = TlsFieldReader.Version(reader, "min_version"),
            MaxVersion = TlsFieldReader.Version(reader, "max_version"),
            CipherSuites = TlsFieldReader.CipherSuites(reader),
            EnableMtls = reader.Bool("enable_mtls"),
            CaCerts = reader.Strings("ca_certs"),
            DisableSystemCaPool = reader.Bool("disable_system_ca_pool"),
        };

        // Go has ignored the server's preference switch since 1.18 (it always picks the suite order itself), as does
        // KrakenD; OpenSSL under .NET also follows the server's order, so either value is honoured.
        _ = reader.Bool("prefer_server_cipher_suites");
        TlsFieldReader.RefuseCurvePreferences(reader);
        reader.ReportUnknownKeys();
        return options;
    }
}
