using System.Net.Security;
using System.Text.Json;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the fields <c>tls</c> and <c>client_tls</c> share: protocol versions, cipher suites, key pairs, and the
/// <c>curve_preferences</c> Switchyard cannot honour.
/// </summary>
internal static class TlsFieldReader
{
    private const string CipherSuitesKey = "cipher_suites";
    private const string CurvePreferencesKey = "curve_preferences";

    private static readonly Dictionary<string, TlsVersion> Versions = new(StringComparer.Ordinal)
    {
        ["SSL3.0"] = TlsVersion.Ssl30,
        ["TLS10"] = TlsVersion.Tls10,
        ["TLS11"] = TlsVersion.Tls11,
        ["TLS12"] = TlsVersion.Tls12,
        ["TLS13"] = TlsVersion.Tls13,
    };

    /// <summary>The names <c>min_version</c> and <c>max_version</c> accept, oldest first.</summary>
    public static string VersionNames => string.Join(", ", Versions.Keys);

    /// <summary>The name of <paramref name="version"/> as the configuration writes it.</summary>
    public static string NameOf(TlsVersion version) => Versions.First(pair => pair.Value == version).Key;

    /// <summary>
    /// A version, or <see cref="TlsDefaults.Version"/> when missing. KrakenD reads an unknown name as TLS 1.3 without a
    /// word; here it is an error, since a typo in a security setting should not pass unnoticed.
    /// </summary>
    public static TlsVersion Version(JsonObjectReader reader, string key)
    {
        if (reader.String(key) is not { } name)
        {
            return TlsDefaults.Version;
        }

        if (Versions.TryGetValue(name, out var version))
        {
            return version;
        }

        reader.Problems.Error(reader.PathOf(key), $"expected one of {VersionNames}, got {JsonValueText.Quote(name)}");
        return TlsDefaults.Version;
    }

    /// <summary>
    /// The <c>cipher_suites</c> numbers (IANA's, as Go uses them), each one Go implements; KrakenD's defaults when missing
    /// or empty. Go skips a number it does not know; here it is an error.
    /// </summary>
    public static IReadOnlyList<TlsCipherSuite> CipherSuites(JsonObjectReader reader)
    {
        if (!reader.TryGet(CipherSuitesKey, out var element))
        {
            return TlsDefaults.CipherSuites;
        }

        var path = reader.PathOf(CipherSuitesKey);
        if (element.ValueKind != JsonValueKind.Array)
        {
            reader.Problems.Error(path, "expected an array of cipher suite numbers, got " + JsonValueText.Describe(element));
            return TlsDefaults.CipherSuites;
        }

        var suites = new List<TlsCipherSuite>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = JsonPaths.Index(path, index++);
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var number) && GoCipherSuites.Contains(number))
            {
                suites.Add((TlsCipherSuite)number);
            }
            else
            {
                reader.Problems.Error(
                    itemPath, "expected the IANA number of a cipher suite Go's TLS offers (such as 49199), got " + JsonValueText.Describe(item));
            }
        }

        return suites.Count == 0 ? TlsDefaults.CipherSuites : suites;
    }

    /// <summary>
    /// The key pairs of the array under <paramref name="key"/>: objects with <paramref name="certificateKey"/> and
    /// <c>private_key</c>. A missing file is left empty for <c>TlsKeyPairsValidator</c> to report.
    /// </summary>
    public static List<TlsKeyPairFiles> KeyPairs(JsonObjectReader reader, string key, string certificateKey)
    {
        var pairs = new List<TlsKeyPairFiles>();
        if (!reader.TryGet(key, out var element))
        {
            return pairs;
        }

        var path = reader.PathOf(key);
        if (element.ValueKind != JsonValueKind.Array)
        {
            reader.Problems.Error(path, $"expected an array of {{\"{certificateKey}\": ..., \"private_key\": ...}} objects, got {JsonValueText.Describe(element)}");
            return pairs;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (reader.OpenInside(item, JsonPaths.Index(path, index++)) is not { } pair)
            {
                continue;
            }

            pairs.Add(KeyPair(pair, certificateKey));
            pair.ReportUnknownKeys();
        }

        return pairs;
    }

    /// <summary>The pair of files named by <paramref name="certificateKey"/> and <c>private_key</c> in <paramref name="reader"/>'s object.</summary>
    public static TlsKeyPairFiles KeyPair(JsonObjectReader reader, string certificateKey) => new()
    {
        CertificateFile = reader.String(certificateKey) ?? "",
        KeyFile = reader.String("private_key") ?? "",
        CertificateJsonPath = reader.PathOf(certificateKey),
        KeyJsonPath = reader.PathOf("private_key"),
    };

    /// <summary>
    /// <c>curve_preferences</c> restricts the key-exchange groups; .NET's TLS has no setting for them, so the groups
    /// left out would still be negotiated.
    /// </summary>
    public static void RefuseCurvePreferences(JsonObjectReader reader) =>
        reader.Refuse(
            CurvePreferencesKey,
            "key-exchange curves",
            ".NET's TLS offers no way to restrict the curves of a connection, so the curves it leaves out would still be negotiated");
}
