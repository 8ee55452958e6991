using System.Buffers.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Functions.Tests.BuiltIn;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// The real authorization server (<see cref="OidcProviderFixture"/>'s clients, HTTPS from a private CA), a backend that
/// records what reaches it, a loopback server an attacker's <c>jku</c> would point at, and a gateway whose endpoints
/// validate the provider's tokens through its JWKS URL, trusting its CA through <c>jwk_local_ca</c>.
/// </summary>
public sealed class JwtGatewayFixture : IAsyncLifetime
{
    private OidcProviderServer? _provider;
    private TestGateway? _gateway;

    internal TestGateway Gateway => _gateway ?? throw new InvalidOperationException("not started");

    public OidcProviderServer Provider => _provider ?? throw new InvalidOperationException("not started");

    public TestBackend Backend { get; private set; } = null!;

    /// <summary>Where a forged token's <c>jku</c> or <c>x5u</c> points: it counts requests and serves the attacker's keys.</summary>
    public TestBackend AttackerKeys { get; private set; } = null!;

    /// <summary>The key the attacker signs with and publishes at <see cref="AttackerKeys"/>.</summary>
    public JsonObject AttackerJwk { get; private set; } = null!;

    public RsaSecurityKey AttackerKey { get; private set; } = null!;

    internal CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _provider = await OidcProviderServer.StartAsync(new OidcProviderOptions
        {
            Audience = OidcProviderFixture.Audience,
            AccessTokenLifetime = TimeSpan.FromMinutes(10),
            Clients = [OidcProviderFixture.Orders, OidcProviderFixture.Reports],
        });
        Backend = await TestBackend.StartAsync("""{"ok": true}""");

        var attacker = OidcSigningKey.Create("attacker-1", OidcKeyType.Rsa2048);
        AttackerKey = new RsaSecurityKey(attacker.Rsa!) { KeyId = attacker.KeyId };
        AttackerJwk = attacker.PublicJwk();
        AttackerKeys = await TestBackend.StartAsync(new JsonObject { ["keys"] = new JsonArray(AttackerJwk.DeepClone()) }.ToJsonString());

        _gateway = await TestGateway.StartAsync(Config(), Logs);
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in new IAsyncDisposable?[] { _gateway, Backend, AttackerKeys, _provider })
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    /// <summary>Claims as the provider writes them for the Orders client, valid now, plus <paramref name="extra"/>.</summary>
    public JsonObject OrdersClaims(JsonObject? extra = null)
    {
        var claims = TestTokens.Claims(Provider.Issuer, OidcProviderFixture.Audience, DateTimeOffset.UtcNow, new JsonObject
        {
            ["sub"] = OidcProviderFixture.Orders.ClientId,
            ["scope"] = OidcProviderFixture.Orders.Scope,
            ["roles"] = new JsonArray("admin", "auditor"),
        });
        foreach (var (name, value) in extra ?? [])
        {
            claims[name] = value?.DeepClone();
        }

        return claims;
    }

    /// <summary>A PS256 token of <paramref name="claims"/> signed with the provider's own RSA key (<c>rsa-1</c>).</summary>
    public string SignWithProviderKey(JsonObject claims, IDictionary<string, object>? headers = null) =>
        TestTokens.Sign(claims, new RsaSecurityKey(Provider.SigningKey("rsa-1").Rsa!) { KeyId = "rsa-1" }, "PS256", headers);

    private string Config()
    {
        var pin = Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(Provider.CaCertificate!.PublicKey.ExportSubjectPublicKeyInfo()));
        JsonObject[] endpoints =
        [
            Endpoint("/orders/{id}", "/users/{JWT.sub}/orders/{id}?tenant={JWT.tenant.id}", Validator("PS256", new JsonObject
            {
                ["roles"] = new JsonArray("admin"),
                ["scopes"] = new JsonArray("orders:read"),
                ["scopes_key"] = "scope",
                ["operation_debug"] = true,
                ["propagate_claims"] = JsonNode.Parse("""[["sub", "X-User"], ["tenant.name", "X-Tenant"], ["roles", "X-Roles"], ["level", "X-Level"]]"""),
            })),
            Endpoint("/reports", "/reports/{JWT.client_id}", Validator("ES256", new JsonObject
            {
                ["scopes"] = new JsonArray("reports:read"),
                ["scopes_key"] = "scope",
            })),
            Endpoint("/admin", "/admin", Validator("PS256", new JsonObject { ["roles"] = new JsonArray("superuser") })),
            Endpoint("/delete", "/delete", Validator("PS256", new JsonObject
            {
                ["scopes"] = new JsonArray("orders:read", "orders:delete"),
                ["scopes_key"] = "scope",
                ["scopes_matcher"] = "all",
            })),
            Endpoint("/pinned", "/pinned", Validator("PS256", new JsonObject
            {
                ["jwk_fingerprints"] = new JsonArray(pin),
                ["cipher_suites"] = new JsonArray(49199, 49195),
            })),
            Endpoint("/wrong-pin", "/wrong-pin", Validator("PS256", new JsonObject { ["jwk_fingerprints"] = new JsonArray(Base64Url.EncodeToString(new byte[32])) })),
            Endpoint("/untrusted", "/untrusted", Validator("PS256", new JsonObject(), trustCa: false)),
        ];
        endpoints[0]["input_headers"] = new JsonArray("X-User", "X-Tenant", "X-Roles", "X-Level");
        return new JsonObject { ["version"] = 3, ["endpoints"] = new JsonArray(endpoints) }.ToJsonString();
    }

    private JsonObject Endpoint(string path, string urlPattern, JsonObject validator) => new()
    {
        ["endpoint"] = path,
        ["backend"] = new JsonArray(new JsonObject { ["host"] = new JsonArray(Backend.Host), ["url_pattern"] = urlPattern }),
        ["extra_config"] = new JsonObject { ["auth/validator"] = validator },
    };

    private JsonObject Validator(string algorithm, JsonObject extra, bool trustCa = true)
    {
        var validator = new JsonObject
        {
            ["alg"] = algorithm,
            ["jwk_url"] = Provider.JwksUri.ToString(),
            ["cache"] = true,
            ["issuer"] = Provider.Issuer,
            ["audience"] = new JsonArray(OidcProviderFixture.Audience),
        };
        if (trustCa)
        {
            validator["jwk_local_ca"] = Provider.CaCertificatePath;
        }

        foreach (var (name, value) in extra)
        {
            validator[name] = value?.DeepClone();
        }

        return validator;
    }
}
