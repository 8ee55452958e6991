namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the root <c>client_tls</c> object and the root <c>allow_insecure_connections</c>, which KrakenD folds into it
/// (creating the block, with its TLS 1.3 default versions, when there is none). Every key is known or an error.
/// </summary>
internal static class ClientTlsParser
{
    private const string AllowInsecureKey = "allow_insecure_connections";

    /// <summary>The options, or null when neither <c>client_tls</c> nor the root switch is given.</summary>
    public static ClientTlsOptions? Parse(JsonObjectReader root)
    {
        var insecureAtRoot = root.Bool(AllowInsecureKey);
        if (!root.TryGet(ClientTlsOptions.JsonPath, out var element))
        {
            return insecureAtRoot ? new ClientTlsOptions { AllowInsecureConnections = true } : null;
        }

        var reader = JsonObjectReader.Open(element, root.PathOf(ClientTlsOptions.JsonPath), root.Problems, unknownKeysAreErrors: true);
        if (reader is null)
        {
            return null;
        }

        var options = new ClientTlsOptions
        {
            AllowInsecureConnections = reader.Bool(AllowInsecureKey) || insecureAtRoot,
            CaCerts = reader.Strings("ca_certs"),
            DisableSystemCaPool = reader.Bool("disable_system_ca_pool"),
            MinVersion = TlsFieldReader.Version(reader, "min_version"),
            MaxVersion = TlsFieldReader.Version(reader, "max_version"),
            CipherSuites = TlsFieldReader.CipherSuites(reader),
            ClientCerts = TlsFieldReader.KeyPairs(reader, "client_certs", "certificate"),
        };
        TlsFieldReader.RefuseCurvePreferences(reader);
        reader.ReportUnknownKeys();
        return options;
    }
}
