namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// Why a token was refused, as a fixed set the metrics can label by (<c>switchyard.jwt.rejections</c>); the words of
/// <see cref="JwtValidationResult.Reason"/> stay for the logs.
/// </summary>
public enum JwtRejection
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The request carries no token.</summary>
    MissingToken,

    /// <summary>The token is longer than <see cref="JwtValidator.MaxTokenLength"/>.</summary>
    TokenTooLong,

    /// <summary>The token is not a signed JWT.</summary>
    MalformedToken,

    /// <summary>The token is not signed with the configured algorithm.</summary>
    Algorithm,

    /// <summary>The token has critical header extensions.</summary>
    CriticalHeader,

    /// <summary>No key set is available.</summary>
    NoKeySet,

    /// <summary>The key set has no key with the token's key id.</summary>
    UnknownKey,

    /// <summary>The key the token names is not a signing key of the algorithm.</summary>
    KeyAlgorithm,

    /// <summary>The signature does not match the key.</summary>
    BadSignature,

    /// <summary>The token is invalid for another reason of the signature check.</summary>
    InvalidToken,

    /// <summary>The claims are not one JSON object, or a registered claim has the wrong type.</summary>
    MalformedClaims,

    /// <summary><c>iss</c> is not the configured issuer.</summary>
    Issuer,

    /// <summary><c>aud</c> does not hold every configured audience.</summary>
    Audience,

    /// <summary><c>exp</c> has passed.</summary>
    Expired,

    /// <summary><c>nbf</c> has not come yet.</summary>
    NotYetValid,

    /// <summary><c>iat</c> is in the future.</summary>
    IssuedInFuture,

    /// <summary>A claim check (<c>validation/cel</c>, <c>jwt</c> policies) does not hold.</summary>
    ClaimCheck,

    /// <summary>The token does not have sufficient roles (403).</summary>
    Roles,

    /// <summary>The token does not have the required scopes (403).</summary>
    Scopes,
}
