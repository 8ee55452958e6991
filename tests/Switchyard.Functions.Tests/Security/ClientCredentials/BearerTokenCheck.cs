using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security.ClientCredentials;

/// <summary>A backend's own check of the <c>Authorization</c> it received: a bearer token the authorization server signed, for its audience.</summary>
internal static class BearerTokenCheck
{
    /// <summary>The token's claims; fails the test when it is no valid bearer token of <paramref name="provider"/>.</summary>
    public static async Task<IDictionary<string, object>> ClaimsAsync(OidcProviderServer provider, string authorization)
    {
        authorization.Should().StartWith("Bearer ");
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(authorization["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = provider.Issuer,
            ValidAudience = provider.Options.Audience,
            IssuerSigningKey = new RsaSecurityKey(provider.SigningKey("rsa-1").Rsa!) { KeyId = "rsa-1" },
        });
        result.IsValid.Should().BeTrue(result.Exception?.Message);
        return result.Claims;
    }
}
