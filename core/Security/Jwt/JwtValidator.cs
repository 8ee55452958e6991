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
/// </remarks>
public sealed class JwtValidator
{
    /// <summary>
    /// The longest token read (16 KiB): provider tokens are a few hundred bytes to a few kilobytes, and a longer one is
    /// refused before it is parsed.
    /// </summary>
    public const int MaxTokenLength = 16 * 1024;

    private const string CriticalHeader = "crit";

    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    private readonly IJwkKeySource _keys;
    private readonly IReadOnlyList<CelProgram> _claimChecks;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = MaxTokenLength };
    private readonly TokenValidationParameters _parameters;
    private readonly RolesRequirement _roles;
    private readonly ScopesRequirement _scopes;

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
            IssuerSigningKeyResolver = (_, token, _, _) => token is JsonWebToken jwt && FindKnown(jwt) is { } entry ? [entry.Key] : [],
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

    /// <summary>Finds the token in the header or cookie values (<see cref="JwtTokenExtractor"/>) and decides on it.</summary>
    public ValueTask<JwtValidationResult> ValidateAsync(string? headerValue, string? cookieValue, CancellationToken cancellationToken) =>
        ValidateTokenAsync(JwtTokenExtractor.Extract(headerValue, cookieValue), cancellationToken);

    /// <summary>Decides on <paramref name="token"/> (null: the request had none).</summary>
    public async ValueTask<JwtValidationResult> ValidateTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return JwtValidationResult.Unauthorized("the request carries no token");
        }

        if (token.Length > MaxTokenLength)
        {
            return JwtValidationResult.Unauthorized($"the token is longer than {MaxTokenLength} characters");
        }

        if (Parse(token) is not { } jwt)
        {
            return JwtValidationResult.Unauthorized("the token is not a signed JWT");
        }

        if (jwt.Alg != Options.Algorithm)
        {
            return JwtValidationResult.Unauthorized($"the token is not signed with {Options.Algorithm}");
        }

        if (jwt.TryGetHeaderValue<object>(CriticalHeader, out _))
        {
            return JwtValidationResult.Unauthorized("the token has critical header extensions (crit), which Switchyard does not understand");
        }

        var entry = FindKnown(jwt) ?? await FindAfterRefreshAsync(jwt, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return JwtValidationResult.Unauthorized(_keys.Snapshot() is null
                ? "no key set is available (not downloaded yet, or it cannot be)"
                : "the key set has no key with the token's key id");
        }

        if (!entry.AllowsSignatures(Options.Algorithm))
        {
            return JwtValidationResult.Unauthorized($"the key the token names is not a {Options.Algorithm} signing key");
        }

        var result = await _handler.ValidateTokenAsync(jwt, _parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return JwtValidationResult.Unauthorized(Explain(result.Exception));
        }

        if (ParseClaims(jwt) is not { } claims)
        {
            return JwtValidationResult.Unauthorized("the token's claims are not one JSON object");
        }

        if (RegisteredClaims.Check(claims, Options, _time.GetUtcNow()) is { } reason)
        {
            return JwtValidationResult.Unauthorized(reason);
        }

        return Requirements(claims);
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
                    return JwtValidationResult.Unauthorized($"the token was rejected by the claim check '{_claimChecks[i].Expression}'");
                }
            }
        }

        if (!_roles.IsSatisfiedBy(claims))
        {
            return JwtValidationResult.Forbidden("the token does not have sufficient roles");
        }

        return _scopes.IsSatisfiedBy(claims)
            ? JwtValidationResult.Valid(claims)
            : JwtValidationResult.Forbidden("the token does not have the required scopes");
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

    private JwkEntry? FindKnown(JsonWebToken jwt) =>
        _keys.Snapshot() is { } set && set.TryFind(Options.KeyIdentifyStrategy, JwkKeyIds.Of(jwt, Options.KeyIdentifyStrategy), out var entry)
            ? entry
            : null;

    private async ValueTask<JwkEntry?> FindAfterRefreshAsync(JsonWebToken jwt, CancellationToken cancellationToken)
    {
        var set = await _keys.RefreshForUnknownKeyAsync(cancellationToken).ConfigureAwait(false);
        return set is not null && set.TryFind(Options.KeyIdentifyStrategy, JwkKeyIds.Of(jwt, Options.KeyIdentifyStrategy), out var entry)
            ? entry
            : null;
    }

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

    private static string Explain(Exception? exception) => exception switch
    {
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "the token's signature does not match the key",
        SecurityTokenInvalidAlgorithmException => "the token's algorithm is not accepted",
        null => "the token is invalid",
        _ => "the token is invalid (" + exception.GetType().Name + ")",
    };
}
