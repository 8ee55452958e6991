namespace Switchyard.Core.Security.HttpSecurity;

/// <summary>What <see cref="HttpSecurityPolicy"/> decided for one request.</summary>
/// <param name="Outcome">Whether the request goes on, and if not, how it is answered.</param>
/// <param name="Headers">The security headers to set on the answer when it goes on; empty otherwise.</param>
/// <param name="Location">The HTTPS address of a <see cref="HttpSecurityOutcome.RedirectToHttps"/>; null otherwise.</param>
public sealed record HttpSecurityVerdict(HttpSecurityOutcome Outcome, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Location = null)
{
    /// <summary>The verdict on a host that is not allowed.</summary>
    public static HttpSecurityVerdict BadHost { get; } = new(HttpSecurityOutcome.BadHost, []);
}
