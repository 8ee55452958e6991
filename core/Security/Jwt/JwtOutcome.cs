namespace Switchyard.Core.Security.Jwt;

/// <summary>What <see cref="JwtValidator"/> decided about a request.</summary>
public enum JwtOutcome
{
    /// <summary>The token is valid and meets every requirement: the request goes on with its claims.</summary>
    Valid,

    /// <summary>No token, a token that is not valid, or a claim check (<c>validation/cel</c>, <c>jwt</c> policies) that failed: 401.</summary>
    Unauthorized,

    /// <summary>A valid token without the required roles or scopes: 403.</summary>
    Forbidden,
}
