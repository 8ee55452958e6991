using System.Text.Json.Nodes;

namespace Switchyard.Testing;

/// <summary>The options file of <c>infra/oidc/server.mjs</c> (its header describes every field).</summary>
internal static class OidcProviderSettings
{
    /// <summary>The options as JSON.</summary>
    /// <param name="options">What the tests asked for.</param>
    /// <param name="port">The port on 127.0.0.1.</param>
    /// <param name="issuer">The issuer identifier.</param>
    /// <param name="keys">The signing keys; their private JWKs go into the file.</param>
    /// <param name="tls">The PEM files of the server certificate and its key, or null for plain HTTP.</param>
    public static JsonObject Json(
        OidcProviderOptions options,
        int port,
        string issuer,
        IEnumerable<OidcSigningKey> keys,
        (string Certificate, string Key)? tls) => new()
        {
            ["port"] = port,
            ["issuer"] = issuer,
            ["audience"] = options.Audience,
            ["accessTokenTTL"] = Seconds(options.AccessTokenLifetime),
            ["jwks"] = new JsonObject { ["keys"] = new JsonArray([.. keys.Select(key => key.PrivateJwk())]) },
            ["tls"] = tls is { } files ? new JsonObject { ["cert"] = files.Certificate, ["key"] = files.Key } : null,
            ["clients"] = new JsonArray([.. options.Clients.Select(Client)]),
        };

    private static JsonObject Client(OidcClient client) => new()
    {
        ["client_id"] = client.ClientId,
        ["client_secret"] = client.ClientSecret,
        ["scope"] = client.Scope,
        ["roles"] = client.Roles is { } roles ? new JsonArray([.. roles.Select(role => JsonValue.Create(role))]) : null,
        ["claims"] = client.Claims?.DeepClone(),
        ["access_token_alg"] = client.AccessTokenAlgorithm,
        ["access_token_kid"] = client.AccessTokenKeyId,
        ["audience"] = client.Audience,
        ["access_token_ttl"] = client.AccessTokenLifetime is { } lifetime ? Seconds(lifetime) : null,
        ["token_endpoint_auth_method"] = client.SecretInBody ? "client_secret_post" : "client_secret_basic",
    };

    private static int Seconds(TimeSpan lifetime) =>
        lifetime >= TimeSpan.FromSeconds(1) && lifetime.Ticks % TimeSpan.TicksPerSecond == 0
            ? (int)lifetime.TotalSeconds
            : throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "Token lifetimes are whole seconds, at least 1.");
}
