using Switchyard.Core.Configuration;
using Switchyard.Core.Policies;
using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// The expressions an endpoint's <c>auth/validator</c> checks with the token, as KrakenD's rejecters: the endpoint's
/// <c>validation/cel</c> expressions that read <c>JWT</c>, then the <c>jwt</c> policies of <c>security/policies</c>.
/// One that is not true refuses the token with 401.
/// </summary>
public static class JwtClaimChecks
{
    /// <summary>The compiled checks of <paramref name="endpoint"/>, in that order.</summary>
    public static IReadOnlyList<CelProgram> For(EndpointConfig endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return
        [
            .. endpoint.CelChecks.Where(PolicyChecks.ReadsClaims).Select(PolicyChecks.Compile),
            .. (endpoint.Policies?.Jwt ?? []).Select(PolicyChecks.Compile),
        ];
    }
}
