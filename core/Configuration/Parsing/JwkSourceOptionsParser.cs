using System.Text.Json;
using Switchyard.Core.Security.Jwt;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the key-source keys <c>auth/validator</c> and <c>auth/signer</c> share: <c>jwk_url</c> or
/// <c>jwk_local_path</c>, and the TLS settings of the download (<c>disable_jwk_security</c>, <c>jwk_fingerprints</c>,
/// <c>jwk_local_ca</c>, <c>cipher_suites</c>). Encrypted key files (<c>secret_url</c>, <c>cypher_key</c>) are refused.
/// </summary>
internal static class JwkSourceOptionsParser
{
    private const string UrlKey = "jwk_url";
    private const string LocalPathKey = "jwk_local_path";
    private const string FingerprintsKey = "jwk_fingerprints";
    private const string CipherSuitesKey = "cipher_suites";
    private const int Sha256Length = 32;

    // The suites KrakenD's schema lists (IANA numbers); Go accepts no others.
    private static readonly HashSet<int> KnownCipherSuites =
        [5, 10, 47, 53, 60, 156, 157, 49159, 49161, 49162, 49169, 49170, 49171, 49172, 49187, 49191, 49199, 49195, 49200, 49196, 52392, 52393];

    public static JwkSourceOptions Parse(JsonObjectReader reader)
    {
        var disableSecurity = reader.Bool("disable_jwk_security");
        var url = reader.String(UrlKey) is { Length: > 0 } urlText ? ReadUrl(reader, urlText, disableSecurity) : null;
        var localPath = reader.String(LocalPathKey) is { Length: > 0 } path ? path : null;
        if (!CheckOneSource(reader, url, localPath))
        {
            localPath = null;
        }

        const string Loss = "the key set is encrypted and would be read as is";
        reader.Refuse("secret_url", "encrypted JWK files", Loss);
        reader.Refuse("cypher_key", "encrypted JWK files", Loss);

        return new JwkSourceOptions
        {
            Url = url,
            LocalPath = localPath,
            DisableJwkSecurity = disableSecurity,
            Fingerprints = ReadFingerprints(reader),
            LocalCa = reader.String("jwk_local_ca") is { Length: > 0 } ca ? ca : null,
            CipherSuites = ReadCipherSuites(reader) ?? JwkSourceOptions.DefaultCipherSuites,
            JsonPath = reader.Path,
        };
    }

    private static Uri? ReadUrl(JsonObjectReader reader, string text, bool disableSecurity)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            reader.Problems.Error(reader.PathOf(UrlKey), $"'{text}' is not an http:// or https:// URL");
            return null;
        }

        if (url.Scheme != Uri.UriSchemeHttps && !disableSecurity)
        {
            // KrakenD starts and refuses every token (401) instead: a mistake better found before the gateway runs.
            reader.Problems.Error(
                reader.PathOf(UrlKey),
                $"'{text}' is not https://: keys downloaded in clear text could be replaced on the way; use https:// or set disable_jwk_security");
            return null;
        }

        return url;
    }

    // False when both are given: the file is then not read.
    private static bool CheckOneSource(JsonObjectReader reader, Uri? url, string? localPath)
    {
        if (url is not null && localPath is not null)
        {
            reader.Problems.Error(reader.PathOf(LocalPathKey), $"give either {UrlKey} or {LocalPathKey}, not both");
            return false;
        }

        if (url is null && localPath is null && !reader.Problems.HasErrorAt(reader.PathOf(UrlKey)) && !reader.Problems.HasErrorAt(reader.PathOf(LocalPathKey)))
        {
            reader.Problems.Error(reader.Path, $"required: {UrlKey} or {LocalPathKey}, where the keys come from");
        }

        return true;
    }

    private static List<byte[]> ReadFingerprints(JsonObjectReader reader)
    {
        var fingerprints = new List<byte[]>();
        var texts = reader.Strings(FingerprintsKey);
        for (var i = 0; i < texts.Count; i++)
        {
            // KrakenD writes them padded (base64.URLEncoding); unpadded ones are accepted too.
            if (Base64UrlText.TryDecode(texts[i], out var bytes) && bytes.Length == Sha256Length)
            {
                fingerprints.Add(bytes);
            }
            else
            {
                reader.Problems.Error(
                    JsonPaths.Index(reader.PathOf(FingerprintsKey), i),
                    "expected the base64url SHA-256 digest (32 bytes) of a certificate's public key");
            }
        }

        return fingerprints;
    }

    private static List<int>? ReadCipherSuites(JsonObjectReader reader)
    {
        if (!reader.TryGet(CipherSuitesKey, out var element))
        {
            return null;
        }

        var path = reader.PathOf(CipherSuitesKey);
        if (element.ValueKind != JsonValueKind.Array)
        {
            reader.Problems.Error(path, "expected an array of cipher suite numbers, got " + JsonValueText.Describe(element));
            return null;
        }

        var suites = new List<int>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var suite) && KnownCipherSuites.Contains(suite))
            {
                suites.Add(suite);
            }
            else
            {
                reader.Problems.Error(JsonPaths.Index(path, index), "expected a TLS cipher suite number KrakenD lists (such as 49199), got " + JsonValueText.Describe(item));
            }

            index++;
        }

        return suites.Count > 0 ? suites : null;
    }
}
