using System.Text.Json.Nodes;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// One authorization server with HTTPS from a private CA for a test class, and its clients: <see cref="Orders"/>
/// (HTTP Basic, PS256, roles and nested extra claims) and <see cref="Reports"/> (secret in the body, ES256, no roles).
/// </summary>
public sealed class OidcProviderFixture : IAsyncLifetime
{
    /// <summary>The tokens' default audience.</summary>
    public const string Audience = "https://api.switchyard.test/orders";

    /// <summary>A service with roles and extra claims of every JSON kind, signing with PS256.</summary>
    public static readonly OidcClient Orders = new("orders-service", "orders-secret-1")
    {
        Scope = "orders:read orders:write",
        Roles = ["admin", "auditor"],
        Claims = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = 42, ["name"] = "acme", ["regions"] = new JsonArray("eu", "us") },
            ["level"] = 3.5,
            ["beta"] = true,
        },
        AccessTokenAlgorithm = "PS256",
    };

    /// <summary>A client that posts its secret in the form body, signing with ES256.</summary>
    public static readonly OidcClient Reports = new("reports-job", "reports-secret-2")
    {
        Scope = "reports:read",
        AccessTokenAlgorithm = "ES256",
        SecretInBody = true,
    };

    private OidcProviderServer? _server;

    /// <summary>The running server.</summary>
    public OidcProviderServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        _server = await OidcProviderServer.StartAsync(new OidcProviderOptions
        {
            Audience = Audience,
            AccessTokenLifetime = TimeSpan.FromMinutes(10),
            Clients = [Orders, Reports],
        });

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
