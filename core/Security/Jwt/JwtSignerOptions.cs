namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// The <c>auth/signer</c> namespace of an endpoint (also <c>github.com/devopsfaith/krakend-jose/signer</c>): the
/// members of the answer named in <see cref="KeysToSign"/> that hold JSON objects are replaced by JWS tokens signed
/// with one key of a key set, as KrakenD's login endpoints do.
/// </summary>
/// <remarks>
/// The key is loaded when the gateway starts (in the background) and never refreshed, as in KrakenD; until it is
/// loaded, or when it cannot be, the endpoint answers 401 to every request.
/// </remarks>
public sealed record JwtSignerOptions
{
    /// <summary><c>alg</c>, required: the signing algorithm (see <see cref="JwtAlgorithms"/>).</summary>
    public required string Algorithm { get; init; }

    /// <summary><c>kid</c>, required: the key of the set to sign with; it is also the tokens' <c>kid</c> header.</summary>
    public required string KeyId { get; init; }

    /// <summary><c>keys_to_sign</c>, required: the members of the answer to sign.</summary>
    public IReadOnlyList<string> KeysToSign { get; init; } = [];

    /// <summary>
    /// <c>full</c>: the flattened JWS JSON serialization (as a string) instead of the compact one.
    /// <value>The default value is false.</value>
    /// </summary>
    public bool Full { get; init; }

    /// <summary><c>typ</c> (read by KrakenD's code, not in its schema): the tokens' <c>typ</c> header. <value>The default value is <c>JWT</c>.</value></summary>
    public string Type { get; init; } = "JWT";

    /// <summary>Where the key comes from: <c>jwk_url</c> or <c>jwk_local_path</c>, and the download's TLS settings.</summary>
    public required JwkSourceOptions Keys { get; init; }

    /// <summary>The JSON path of the namespace, for messages.</summary>
    public string JsonPath { get; init; } = "";
}
