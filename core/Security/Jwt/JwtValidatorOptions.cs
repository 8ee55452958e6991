namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// The <c>auth/validator</c> namespace of an endpoint (also read under its old name
/// <c>github.com/devopsfaith/krakend-jose/validator</c>): every request must carry a valid JWT, signed with a key of
/// the configured key set, or it is answered 401 (403 when only roles or scopes are missing) before anything else runs.
/// </summary>
/// <remarks>
/// Keys of a <c>jwk_url</c> are downloaded once when the gateway starts, in the background (until they arrive, every
/// token is refused with 401), then refreshed in the background when the set is older than three quarters of
/// <see cref="MaxKeySetAge"/>, so no request waits on a download after warm-up. A token whose key id is not in the set
/// triggers one download, at most once per <see cref="FailedKeyCooldown"/> for the whole set (concurrent requests share
/// it), and is refused if the key is still unknown. Endpoints with the same <c>jwk_url</c> and TLS settings share one
/// cache.
/// </remarks>
public sealed record JwtValidatorOptions
{
    /// <summary>The default <c>cache_duration</c>: 15 minutes, as KrakenD's.</summary>
    public static readonly TimeSpan DefaultCacheDuration = TimeSpan.FromMinutes(15);

    /// <summary>How long a key set is kept with <c>cache: false</c> (KrakenD downloads it twice per request instead).</summary>
    public static readonly TimeSpan UncachedMaxAge = TimeSpan.FromMinutes(1);

    /// <summary>The default <c>failed_jwk_key_cooldown</c> (KrakenD has none: every unknown key id downloads the set).</summary>
    public static readonly TimeSpan DefaultFailedKeyCooldown = TimeSpan.FromSeconds(10);

    /// <summary>The default and smallest <c>leeway</c>, as in KrakenD.</summary>
    public static readonly TimeSpan MinimumLeeway = TimeSpan.FromSeconds(1);

    /// <summary>
    /// <c>alg</c>, required: the one algorithm tokens must be signed with (<c>RS256</c>, <c>ES256</c>, <c>HS256</c>,
    /// <c>EdDSA</c>...; see <see cref="JwtAlgorithms"/>). A token with any other <c>alg</c> header is refused.
    /// </summary>
    public required string Algorithm { get; init; }

    /// <summary>Where the keys come from: <c>jwk_url</c> or <c>jwk_local_path</c>, and the download's TLS settings.</summary>
    public required JwkSourceOptions Keys { get; init; }

    /// <summary>
    /// <c>cache</c>: keep a downloaded key set for <see cref="CacheDuration"/>; without it Switchyard keeps it for
    /// <see cref="UncachedMaxAge"/>. <value>The default value is false.</value>
    /// </summary>
    public bool Cache { get; init; }

    /// <summary><c>cache_duration</c> (seconds in the file). <value>The default value is 15 minutes.</value></summary>
    public TimeSpan CacheDuration { get; init; } = DefaultCacheDuration;

    /// <summary>
    /// <c>failed_jwk_key_cooldown</c>: after a download, how long a token with an unknown key id is refused without
    /// downloading the set again. <value>The default value is 10 seconds.</value>
    /// </summary>
    public TimeSpan FailedKeyCooldown { get; init; } = DefaultFailedKeyCooldown;

    /// <summary><c>key_identify_strategy</c>. <value>The default value is <see cref="KeyIdentifyStrategy.Kid"/>.</value></summary>
    public KeyIdentifyStrategy KeyIdentifyStrategy { get; init; }

    /// <summary><c>audience</c>: the token's <c>aud</c> must hold every one of them. <value>The default value is empty.</value></summary>
    public IReadOnlyList<string> Audience { get; init; } = [];

    /// <summary><c>issuer</c>: the token's <c>iss</c> must be exactly this. <value>The default value is null: any.</value></summary>
    public string? Issuer { get; init; }

    /// <summary><c>roles</c>: the token must have at least one of them (else 403). <value>The default value is empty.</value></summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary><c>roles_key</c>: the claim holding the roles. <value>The default value is <c>roles</c>.</value></summary>
    public string RolesKey { get; init; } = "roles";

    /// <summary>
    /// <c>roles_key_is_nested</c>: read <see cref="RolesKey"/> as a dotted path (unless it starts with <c>http</c>).
    /// <value>The default value is false.</value>
    /// </summary>
    public bool RolesKeyIsNested { get; init; }

    /// <summary><c>scopes</c>: the scopes required (else 403); they need <see cref="ScopesKey"/>. <value>The default value is empty.</value></summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary><c>scopes_key</c>: the claim holding the scopes, a dotted path. <value>The default value is null.</value></summary>
    public string? ScopesKey { get; init; }

    /// <summary><c>scopes_matcher</c>. <value>The default value is <see cref="ScopesMatcher.Any"/>.</value></summary>
    public ScopesMatcher ScopesMatcher { get; init; }

    /// <summary>
    /// <c>cookie_key</c>: the cookie read when the header holds no token. <value>The default value is <c>access_token</c>.</value>
    /// </summary>
    public string CookieKey { get; init; } = "access_token";

    /// <summary>
    /// <c>auth_header_name</c>: the header holding the token (a <c>Bearer </c> prefix is removed).
    /// <value>The default value is <c>Authorization</c>.</value>
    /// </summary>
    public string AuthHeaderName { get; init; } = "Authorization";

    /// <summary><c>propagate_claims</c>: claims copied into request headers. <value>The default value is empty.</value></summary>
    public IReadOnlyList<ClaimToHeader> PropagateClaims { get; init; } = [];

    /// <summary>
    /// <c>propagate_claims_preserve_array</c>: an array claim becomes one header value per element rather than one
    /// comma-joined value. <value>The default value is false.</value>
    /// </summary>
    public bool PropagateClaimsPreserveArray { get; init; }

    /// <summary>
    /// <c>leeway</c>: the clock skew allowed on <c>exp</c>, <c>nbf</c> and <c>iat</c>; less than a second is raised to a
    /// second, as in KrakenD. <value>The default value is 1 second.</value>
    /// </summary>
    public TimeSpan Leeway { get; init; } = MinimumLeeway;

    /// <summary>
    /// <c>operation_debug</c>: log why each request was refused, at Error level (never the token or a claim's value).
    /// <value>The default value is false.</value>
    /// </summary>
    public bool OperationDebug { get; init; }

    /// <summary>The JSON path of the namespace, for messages.</summary>
    public string JsonPath { get; init; } = "";

    /// <summary>How old a downloaded key set may get before it is replaced: <see cref="CacheDuration"/> with <see cref="Cache"/>, else a minute.</summary>
    public TimeSpan MaxKeySetAge => Cache ? CacheDuration : UncachedMaxAge;
}
