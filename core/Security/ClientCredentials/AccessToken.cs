namespace Switchyard.Core.Security.ClientCredentials;

/// <summary>An access token from the token endpoint, with the <c>Authorization</c> value it makes.</summary>
/// <param name="Value">The <c>access_token</c>; never logged.</param>
/// <param name="Type">The scheme: <c>Bearer</c>, <c>MAC</c>, <c>Basic</c> or the server's own <c>token_type</c>.</param>
/// <param name="Expiry">When it expires, or null when the server gave no <c>expires_in</c> (it never does then).</param>
internal sealed record AccessToken(string Value, string Type, DateTimeOffset? Expiry)
{
    /// <summary>A token is renewed this long before it expires, so none expires on its way to the backend.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(10);

    /// <summary>True while the token may still be sent.</summary>
    public bool IsUsableAt(DateTimeOffset now) => Expiry is not { } expiry || now < expiry - RenewBefore;

    /// <summary>The scheme KrakenD's OAuth2 library writes for a <c>token_type</c> (case-insensitive known names, Bearer when empty).</summary>
    public static string SchemeOf(string? tokenType) => tokenType switch
    {
        null or "" => "Bearer",
        _ when tokenType.Equals("bearer", StringComparison.OrdinalIgnoreCase) => "Bearer",
        _ when tokenType.Equals("mac", StringComparison.OrdinalIgnoreCase) => "MAC",
        _ when tokenType.Equals("basic", StringComparison.OrdinalIgnoreCase) => "Basic",
        _ => tokenType,
    };

    /// <summary>Hides the token from any log or exception message.</summary>
    public override string ToString() => $"{Type} token (expiry {Expiry?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "none"})";
}
