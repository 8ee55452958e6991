using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Policies;
using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// Decides on one request's token, without ASP.NET Core (the HTTP layer hands it the header and cookie values), in
/// KrakenD's order: the token is found (else 401); it is a signed JWT of at most <see cref="MaxTokenLength"/>
/// characters whose <c>alg</c> is the configured one; its key is looked up in the key set by the token's key id (an
/// unknown id may refresh the set once, see <see cref="IJwkKeySource"/>); IdentityModel checks the signature;
/// <see cref="RegisteredClaims"/> checks <c>iss</c>, <c>aud</c>, and <c>exp</c>, <c>nbf</c> and <c>iat</c> with the
/// leeway; the claim checks (<c>validation/cel</c> expressions over <c>JWT</c> and <c>jwt</c> policies) hold (all of
/// that else 401); then roles, then scopes (else 403).
/// </summary>
/// <remarks>
/// Keys come only from the configured set: <c>jku</c>, <c>x5u</c>, <c>jwk</c> and <c>x5c</c> headers are never
/// followed, and the one accepted algorithm (IdentityModel's <c>ValidAlgorithms</c>) defeats <c>alg: none</c> and
/// HMAC/RSA confusion whatever key the token names. <c>exp</c> is optional, as in KrakenD.
/// <para>
/// A client sends the same token on every request while it lives, and checking its signature is most of the cost (an
/// RS256 check costs tens of microseconds, ES256 more). So a token whose signature passed is remembered, by its exact
/// text, with its claims and the key set that checked it (<see cref="VerifiedTokenCapacity"/> tokens, least recently
/// used first out): the same text under the same key set skips the parse and the signature check. Everything that
/// depends on time or configuration (lifetimes with the leeway, issuer, audience, claim checks, roles, scopes) is
/// checked again on every request, a refreshed key set checks every token again, and a token whose signature does
/// not pass is never remembered.
/// </para>
/// </remarks>
public sealed class JwtValidator
{
    /// <summary>
    /// The longest token read (16 KiB): provider tokens are a few hundred bytes to a few kilobytes, and a longer one is
    /// refused before it is parsed.
    /// </summary>
    public const int MaxTokenLength = 16 * 1024;

    /// <summary>How many verified tokens an endpoint remembers (1 000).</summary>
    public const int VerifiedTokenCapacity = 1000;

    private const string CriticalHeader = "crit";

    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    private readonly IJwkKeySource _keys;
    private readonly IReadOnlyList<CelProgram> _claimChecks;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = MaxTokenLength };
    private readonly TokenValidationParameters _parameters;
    private readonly RolesRequirement _roles;
    private readonly ScopesRequirement _scopes;
    private readonly LruCache<VerifiedToken> _verified = new(VerifiedTokenCapacity);

    /// <param name="options">The endpoint's <c>auth/validator</c>.</param>
    /// <param name="keys">Where its keys come from.</param>
    /// <param name="claimChecks">Expressions over <c>JWT</c> that must all be true (else 401), already compiled.</param>
    /// <param name="time">The clock for lifetimes and for <c>now</c> in the expressions.</param>
    public JwtValidator(JwtValidatorOptions options, IJwkKeySource keys, IReadOnlyList<CelProgram> claimChecks, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _keys = keys;
        _claimChecks = claimChecks;
        _time = time;
        _roles = new RolesRequirement(options.Roles, options.RolesKey, options.RolesKeyIsNested);
        _scopes = new ScopesRequirement(options.Scopes, options.ScopesKey, options.ScopesMatcher);
        _parameters = new TokenValidationParameters
        {
            ValidAlgorithms = [options.Algorithm],
            RequireSignedTokens = true,
            IssuerSigningKeyResolver = (_, token, _, _) => token is JsonWebToken jwt && FindKnown(jwt).Entry is { } entry ? [entry.Key] : [],
            TryAllIssuerSigningKeys = false,
            ValidateIssuerSigningKey = false,

            // Checked by RegisteredClaims: KrakenD wants every configured audience (IdentityModel any one), and the
            // lifetimes are read with the gateway's TimeProvider (IdentityModel 8 keeps its own clock setting internal).
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidateTokenReplay = false,
            LogValidationExceptions = false,
        };
    }

    /// <summary>The endpoint's <c>auth/validator</c>.</summary>
    public JwtValidatorOptions Options { get; }

    /// <summary>How many verified tokens are remembered now.</summary>
    internal int RememberedTokens => _verified.Count;

    /// <summary>Finds the token in the header or cookie values (<see cref="JwtTokenExtractor"/>) and decides on it.</summary>
    public ValueTask<JwtValidationResult> ValidateAsync(string? headerValue, string? cookieValue, CancellationToken cancellationToken) =>
        ValidateTokenAsync(JwtTokenExtractor.Extract(headerValue, cookieValue), cancellationToken);

    /// <summary>Decides on <paramref name="token"/> (null: the request had none).</summary>
    public async ValueTask<JwtValidationResult> ValidateTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return JwtValidationResult.Unauthorized(JwtRejection.MissingToken, "the request carries no token");
        }

        if (token.Length > MaxTokenLength)
        {
            return JwtValidationResult.Unauthorized(JwtRejection.TokenTooLong, $"the token is longer than {MaxTokenLength} characters");
        }

        if (_keys.Snapshot() is { } current && _verified.TryGet(token, out var known) && ReferenceEquals(known.KeySet, current))
        {
            return Decide(known.Claims);
        }

        var verified = await VerifyAsync(token, cancellationToken).ConfigureAwait(false);
        if (verified.Token is not { } fresh)
        {
            return verified.Refusal!;
        }

        _verified.Add(token, fresh);
        return Decide(fresh.Claims);
    }

    // The checks that depend on time or on the endpoint's configuration, made on every request.
    private JwtValidationResult Decide(JsonObject claims) =>
        RegisteredClaims.Check(claims, Options, _time.GetUtcNow()) ?? Requirements(claims);

    // The checks of the token's text alone: its form, algorithm, key and signature, and that its claims are one object.
    private async ValueTask<(VerifiedToken? Token, JwtValidationResult? Refusal)> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        if (Parse(token) is not { } jwt)
        {
            return Refused(JwtRejection.MalformedToken, "the token is not a signed JWT");
        }

        if (jwt.Alg != Options.Algorithm)
        {
            return Refused(JwtRejection.Algorithm, $"the token is not signed with {Options.Algorithm}");
        }

        if (jwt.TryGetHeaderValue<object>(CriticalHeader, out _))
        {
            return Refused(JwtRejection.CriticalHeader, "the token has critical header extensions (crit), which Switchyard does not understand");
        }

        var (set, entry) = FindKnown(jwt) is { Entry: not null } known ? known : await FindAfterRefreshAsync(jwt, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return set is null
                ? Refused(JwtRejection.NoKeySet, "no key set is available (not downloaded yet, or it cannot be)")
                : Refused(JwtRejection.UnknownKey, "the key set has no key with the token's key id");
        }

        if (!entry.AllowsSignatures(Options.Algorithm))
        {
            return Refused(JwtRejection.KeyAlgorithm, $"the key the token names is not a {Options.Algorithm} signing key");
        }

        var result = await _handler.ValidateTokenAsync(jwt, _parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, Explain(result.Exception));
        }

        return ParseClaims(jwt) is { } claims
            ? (new VerifiedToken(claims, set!), null)
            : Refused(JwtRejection.MalformedClaims, "the token's claims are not one JSON object");

        static (VerifiedToken?, JwtValidationResult?) Refused(JwtRejection rejection, string reason) =>
            (null, JwtValidationResult.Unauthorized(rejection, reason));
    }

    private JwtValidationResult Requirements(JsonObject claims)
    {
        if (_claimChecks.Count > 0)
        {
            var activation = new PipelineActivation(new ProxyRequest { Claims = claims }, null, _time);
            for (var i = 0; i < _claimChecks.Count; i++)
            {
                if (!_claimChecks[i].IsSatisfied(activation, out _))
                {
                    return JwtValidationResult.Unauthorized(JwtRejection.ClaimCheck, $"the token was rejected by the claim check '{_claimChecks[i].Expression}'");
                }
            }
        }

        if (!_roles.IsSatisfiedBy(claims))
        {
            return JwtValidationResult.Forbidden(JwtRejection.Roles, "the token does not have sufficient roles");
        }

        return _scopes.IsSatisfiedBy(claims)
            ? JwtValidationResult.Valid(claims)
            : JwtValidationResult.Forbidden(JwtRejection.Scopes, "the token does not have the required scopes");
    }

    private static JsonWebToken? Parse(string token)
    {
        try
        {
            var jwt = new JsonWebToken(token);
            return jwt.IsEncrypted ? null : jwt;
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenException or JsonException or FormatException)
        {
            return null;
        }
    }

    private (JwkKeySet? Set, JwkEntry? Entry) FindKnown(JsonWebToken jwt) => Find(_keys.Snapshot(), jwt);

    private async ValueTask<(JwkKeySet? Set, JwkEntry? Entry)> FindAfterRefreshAsync(JsonWebToken jwt, CancellationToken cancellationToken) =>
        Find(await _keys.RefreshForUnknownKeyAsync(cancellationToken).ConfigureAwait(false), jwt);

    private (JwkKeySet? Set, JwkEntry? Entry) Find(JwkKeySet? set, JsonWebToken jwt) =>
        set is not null && set.TryFind(Options.KeyIdentifyStrategy, JwkKeyIds.Of(jwt, Options.KeyIdentifyStrategy), out var entry)
            ? (set, entry)
            : (set, null);

    private static JsonObject? ParseClaims(JsonWebToken jwt)
    {
        try
        {
            return JsonNode.Parse(Base64Url.DecodeFromChars(jwt.EncodedPayload), documentOptions: StrictJson) as JsonObject;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static JwtValidationResult Explain(Exception? exception) => exception switch
    {
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException =>
            JwtValidationResult.Unauthorized(JwtRejection.BadSignature, "the token's signature does not match the key"),
        SecurityTokenInvalidAlgorithmException => JwtValidationResult.Unauthorized(JwtRejection.Algorithm, "the token's algorithm is not accepted"),
        null => JwtValidationResult.Unauthorized(JwtRejection.InvalidToken, "the token is invalid"),
        _ => JwtValidationResult.Unauthorized(JwtRejection.InvalidToken, "the token is invalid (" + exception.GetType().Name + ")"),
    };
}
