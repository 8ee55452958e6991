namespace Switchyard.Testing;

/// <summary>What an <see cref="OidcProviderServer"/> serves: its keys, its clients and the tokens it issues.</summary>
public sealed record OidcProviderOptions
{
    /// <summary>
    /// True (default): HTTPS with a server certificate for 127.0.0.1 from a private CA
    /// (<see cref="OidcProviderServer.CaCertificatePath"/>); false: plain HTTP.
    /// </summary>
    public bool UseTls { get; init; } = true;

    /// <summary>The <c>aud</c> of access tokens, unless a client has its own.</summary>
    public string Audience { get; init; } = "https://api.switchyard.test";

    /// <summary>How long access tokens live, unless a client says otherwise. Whole seconds.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The signing keys, generated at start and published at the JWKS URL. Default: <c>rsa-1</c> (RSA 2048) and
    /// <c>ec-1</c> (EC P-256).
    /// </summary>
    public IReadOnlyList<OidcKeySpec> Keys { get; init; } =
        [new("rsa-1", OidcKeyType.Rsa2048), new("ec-1", OidcKeyType.EcP256)];

    /// <summary>The registered clients.</summary>
    public IReadOnlyList<OidcClient> Clients { get; init; } = [];
}

/// <summary>A signing key to generate: its <c>kid</c> and kind.</summary>
public sealed record OidcKeySpec(string KeyId, OidcKeyType Type);
