using System.Text.Json.Nodes;

namespace Switchyard.Testing;

/// <summary>
/// A client registered at an <see cref="OidcProviderServer"/> for the client credentials grant, and what its access
/// tokens carry besides the registered claims (<c>iss</c>, <c>sub</c> = the client id, <c>aud</c>, <c>iat</c>,
/// <c>exp</c>, <c>jti</c>, <c>client_id</c>, <c>scope</c>).
/// </summary>
/// <param name="ClientId">The client id, also the tokens' <c>sub</c> and <c>client_id</c>.</param>
/// <param name="ClientSecret">The client secret.</param>
public sealed record OidcClient(string ClientId, string ClientSecret)
{
    /// <summary>
    /// The scopes the client may ask for, space-separated; <see cref="OidcProviderServer.GetAccessTokenAsync"/> asks
    /// for them all when it is given no scope.
    /// </summary>
    public string Scope { get; init; } = "";

    /// <summary>The <c>roles</c> claim (an array of strings); null leaves the claim out.</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>Extra claims copied into every access token (any JSON: nested objects, arrays, numbers).</summary>
    public JsonObject? Claims { get; init; }

    /// <summary>The JWS algorithm of its access tokens: RS256, PS256 (RSA keys) or ES256 (EC key).</summary>
    public string AccessTokenAlgorithm { get; init; } = "RS256";

    /// <summary>The <c>kid</c> of the key that signs its tokens; null: the first key that can sign the algorithm.</summary>
    public string? AccessTokenKeyId { get; init; }

    /// <summary>The <c>aud</c> of its tokens; null: <see cref="OidcProviderOptions.Audience"/>.</summary>
    public string? Audience { get; init; }

    /// <summary>How long its tokens live; null: <see cref="OidcProviderOptions.AccessTokenLifetime"/>. Whole seconds.</summary>
    public TimeSpan? AccessTokenLifetime { get; init; }

    /// <summary>
    /// True: the client authenticates with <c>client_secret_post</c> (id and secret in the form body) and the
    /// provider refuses HTTP Basic from it; false (default): <c>client_secret_basic</c>.
    /// </summary>
    public bool SecretInBody { get; init; }
}
