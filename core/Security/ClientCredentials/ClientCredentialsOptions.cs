using System.Globalization;
using System.Text;

namespace Switchyard.Core.Security.ClientCredentials;

/// <summary>
/// The <c>auth/client-credentials</c> namespace of a backend: the OAuth 2.0 client credentials grant (RFC 6749
/// section 4.4) whose access token every call to the backend carries.
/// </summary>
public sealed record ClientCredentialsOptions
{
    /// <summary>The client id. Required.</summary>
    public required string ClientId { get; init; }

    /// <summary>The client secret. Required; never logged.</summary>
    public required string ClientSecret { get; init; }

    /// <summary>The token endpoint, an absolute http or https URL. Required.</summary>
    public required string TokenUrl { get; init; }

    /// <summary>
    /// The scopes asked for, from the comma-separated <c>scopes</c>, sent space-separated.
    /// <value>The default value is none: no <c>scope</c> parameter.</value>
    /// </summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>
    /// Extra form parameters of the token request (<c>audience</c>, <c>resource</c>...), each with its values; never
    /// <c>scope</c>. <value>The default value is none.</value>
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> EndpointParams { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>True turns the namespace off: the backend is called without a token. <value>The default value is false.</value></summary>
    public bool IsDisabled { get; init; }

    // The record's printed form (its ToString, and that of a BackendConfig holding it) must never show the secret.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"ClientId = {ClientId}, ClientSecret = ***, TokenUrl = {TokenUrl}, ");
        builder.Append(CultureInfo.InvariantCulture, $"Scopes = [{string.Join(", ", Scopes)}], EndpointParams = [{string.Join(", ", EndpointParams.Keys)}], IsDisabled = {IsDisabled}");
        return true;
    }
}
