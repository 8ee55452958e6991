using System.Buffers;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// Signs members of an answer into JWS tokens, as KrakenD's <c>auth/signer</c>: the protected header is
/// <c>{"alg":…,"kid":…,"typ":"JWT"}</c> and the payload the member's JSON, both compact with sorted keys (Go's
/// encoding), then the compact serialization, or with <c>full</c> the flattened JSON serialization
/// <c>{"payload":…,"protected":…,"signature":…}</c> as a string. The signature is IdentityModel's (BouncyCastle's for
/// <c>EdDSA</c>); only the base64url framing is assembled here.
/// </summary>
/// <remarks>
/// The key is the one with the configured <c>kid</c> in the first key set the source obtains, kept from then on (KrakenD
/// never reloads it); until there is one, <see cref="TryGetKey"/> is false and the endpoint answers 401.
/// </remarks>
public sealed class JwtSigner(JwtSignerOptions options, IJwkKeySource keys, JwtLog log)
{
    private JwkEntry? _key;
    private int _reported;

    /// <summary>The endpoint's <c>auth/signer</c>.</summary>
    public JwtSignerOptions Options => options;

    /// <summary>The signing key, once a key set holding it (with its private part) has been obtained.</summary>
    public bool TryGetKey(out JwkEntry key)
    {
        if (Volatile.Read(ref _key) is { } known)
        {
            key = known;
            return true;
        }

        key = null!;
        if (keys.Snapshot() is not { } set)
        {
            return false;
        }

        if (!set.TryFind(KeyIdentifyStrategy.Kid, options.KeyId, out var found) || !CanSign(found.Key))
        {
            if (Interlocked.Exchange(ref _reported, 1) == 0)
            {
                log(JwtLogLevel.Error, $"{options.JsonPath}: the key set has no private key with kid '{options.KeyId}'; every request is refused", null);
            }

            return false;
        }

        Volatile.Write(ref _key, found);
        key = found;
        return true;
    }

    /// <summary>
    /// The signing key, waiting for the source's first download when it is still under way (a request arriving while
    /// the gateway starts); false when there is none.
    /// </summary>
    public async ValueTask<bool> EnsureKeyAsync(CancellationToken cancellationToken)
    {
        if (TryGetKey(out _))
        {
            return true;
        }

        if (!keys.Ready.IsCompleted)
        {
            await keys.Ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return TryGetKey(out _);
    }

    /// <summary>Replaces each member of <paramref name="data"/> named in <c>keys_to_sign</c> that holds an object by its token.</summary>
    /// <exception cref="InvalidOperationException">No signing key yet.</exception>
    public void SignMembers(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var name in options.KeysToSign)
        {
            if (data[name] is JsonObject member)
            {
                data[name] = Sign(member);
            }
        }
    }

    /// <summary>The token of <paramref name="payload"/>.</summary>
    public string Sign(JsonObject payload)
    {
        if (!TryGetKey(out var key))
        {
            throw new InvalidOperationException("the signing key is not available");
        }

        var header = new JsonObject { ["alg"] = options.Algorithm, ["kid"] = key.Jwk.Kid, ["typ"] = options.Type };
        var protectedHeader = Base64UrlJson(header);
        var encodedPayload = Base64UrlJson(payload);
        var signature = System.Buffers.Text.Base64Url.EncodeToString(Signature(key.Key, protectedHeader + "." + encodedPayload));
        if (!options.Full)
        {
            return $"{protectedHeader}.{encodedPayload}.{signature}";
        }

        var full = new JsonObject { ["payload"] = encodedPayload, ["protected"] = protectedHeader, ["signature"] = signature };
        return full.ToJsonString();
    }

    private byte[] Signature(SecurityKey key, string signingInput)
    {
        var factory = key.CryptoProviderFactory;
        var provider = factory.CreateForSigning(key, options.Algorithm);
        try
        {
            return provider.Sign(System.Text.Encoding.ASCII.GetBytes(signingInput));
        }
        finally
        {
            factory.ReleaseSignatureProvider(provider);
        }
    }

    private static string Base64UrlJson(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        SortedJsonWriter.Write(node, buffer);
        return System.Buffers.Text.Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    private static bool CanSign(SecurityKey key) => key switch
    {
        SymmetricSecurityKey => true,
        Ed25519SecurityKey ed25519 => ed25519.PrivateKey is not null,
        AsymmetricSecurityKey asymmetric => asymmetric.PrivateKeyStatus != PrivateKeyStatus.DoesNotExist,
        _ => false,
    };
}
