using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// A JWK set as it was read at one instant, immutable and indexed under every <see cref="KeyIdentifyStrategy"/>, so
/// endpoints with different strategies can share it. Keys of an unknown type or with broken values are left out (and
/// listed in <see cref="Skipped"/>); a later key with the same id replaces an earlier one, as in KrakenD.
/// </summary>
public sealed class JwkKeySet
{
    private readonly Dictionary<string, JwkEntry>[] _byStrategy;

    private JwkKeySet(IReadOnlyList<JwkEntry> keys, IReadOnlyList<string> skipped, DateTimeOffset readAt)
    {
        Keys = keys;
        Skipped = skipped;
        ReadAt = readAt;
        _byStrategy = new Dictionary<string, JwkEntry>[Enum.GetValues<KeyIdentifyStrategy>().Length];
        foreach (var strategy in Enum.GetValues<KeyIdentifyStrategy>())
        {
            var index = new Dictionary<string, JwkEntry>(StringComparer.Ordinal);
            foreach (var entry in keys)
            {
                var id = JwkKeyIds.Of(entry.Jwk, strategy);

                // Only the kid strategy matches a key without id (a token without kid, a single-key set).
                if (id.Length > 0 || strategy == KeyIdentifyStrategy.Kid)
                {
                    index[id] = entry;
                }
            }

            _byStrategy[(int)strategy] = index;
        }
    }

    /// <summary>The usable keys, in the set's order.</summary>
    public IReadOnlyList<JwkEntry> Keys { get; }

    /// <summary>Why keys were left out (their <c>kid</c> and what is wrong), for the log.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>When the set was downloaded or read.</summary>
    public DateTimeOffset ReadAt { get; }

    /// <summary>
    /// Reads a JWK set document (<c>{"keys": [...]}</c>). Throws <see cref="JwkSetException"/> when it is not one or
    /// holds no usable key.
    /// </summary>
    public static JwkKeySet Parse(string json, DateTimeOffset readAt)
    {
        JsonWebKeySet document;
        try
        {
            document = new JsonWebKeySet(json);
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException or InvalidOperationException)
        {
            throw new JwkSetException("the document is not a JWK set: " + exception.GetType().Name, exception);
        }

        var keys = new List<JwkEntry>();
        var skipped = new List<string>();
        foreach (var jwk in document.Keys)
        {
            if (ToSecurityKey(jwk) is { } key)
            {
                keys.Add(new JwkEntry(jwk, key));
            }
            else
            {
                skipped.Add($"key '{jwk.Kid}' (kty {jwk.Kty}) cannot be used");
            }
        }

        if (keys.Count == 0)
        {
            throw new JwkSetException(document.Keys.Count == 0 ? "the JWK set has no keys" : "no key of the JWK set can be used: " + string.Join("; ", skipped));
        }

        return new JwkKeySet(keys, skipped, readAt);
    }

    /// <summary>The key with id <paramref name="keyId"/> under <paramref name="strategy"/>.</summary>
    public bool TryFind(KeyIdentifyStrategy strategy, string keyId, out JwkEntry entry) =>
        _byStrategy[(int)strategy].TryGetValue(keyId, out entry!);

    private static SecurityKey? ToSecurityKey(JsonWebKey jwk)
    {
        if (jwk.Kty == "OKP")
        {
            return Ed25519SecurityKey.FromJwk(jwk);
        }

        try
        {
            return JsonWebKeyConverter.TryConvertToSecurityKey(jwk, out var key) ? key : null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
