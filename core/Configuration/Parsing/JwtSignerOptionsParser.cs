using Switchyard.Core.Security.Jwt;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the <c>auth/signer</c> namespace of an endpoint: <c>alg</c>, <c>kid</c> and <c>keys_to_sign</c> (required),
/// <c>full</c>, <c>typ</c> and the key source. <c>leeway</c>, which KrakenD's schema lists and its signer never reads,
/// is accepted and has no effect.
/// </summary>
internal static class JwtSignerOptionsParser
{
    public const string Namespace = "auth/signer";

    public static JwtSignerOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(Namespace, problems);
        if (reader is null)
        {
            return null;
        }

        var options = new JwtSignerOptions
        {
            Algorithm = JwtOptionsReading.Algorithm(reader),
            KeyId = Required(reader, "kid", "the key id of the signing key") ?? "",
            KeysToSign = reader.Strings("keys_to_sign"),
            Full = reader.Bool("full"),
            Type = reader.String("typ") is { Length: > 0 } type ? type : "JWT",
            Keys = JwkSourceOptionsParser.Parse(reader),
            JsonPath = reader.Path,
        };

        _ = reader.Duration("leeway");
        if (options.KeysToSign.Count == 0 && !reader.Problems.HasErrorAt(reader.PathOf("keys_to_sign")))
        {
            reader.Problems.Error(reader.PathOf("keys_to_sign"), "required: the members of the answer to sign");
        }

        reader.ReportUnknownKeys();
        return options;
    }

    private static string? Required(JsonObjectReader reader, string key, string what)
    {
        var value = reader.String(key);
        if (string.IsNullOrEmpty(value) && !reader.Problems.HasErrorAt(reader.PathOf(key)))
        {
            reader.Problems.Error(reader.PathOf(key), "required: " + what);
        }

        return value;
    }
}
