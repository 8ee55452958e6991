using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Core.Security.Jwt;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// EdDSA, ES256, PS256 and HS256 endpoints, each with its key set in a local file (<c>jwk_local_path</c>): a token of
/// the endpoint's algorithm passes, the same claims under another endpoint's key do not.
/// </summary>
public sealed class JwtAlgorithmTests : IAsyncLifetime
{
    private readonly Dictionary<string, (SecurityKey Key, JsonObject Jwk)> _keys = new()
    {
        ["EdDSA"] = Ed25519(),
        ["ES256"] = Oidc(OidcSigningKey.Create("es", OidcKeyType.EcP256)),
        ["PS256"] = Oidc(OidcSigningKey.Create("ps", OidcKeyType.Rsa2048)),
        ["HS256"] = Hmac(),
    };

    private readonly List<string> _files = [];
    private TestBackend _backend = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync("""{"ok": true}""");
        var endpoints = _keys.Select(entry =>
        {
            var file = Path.GetTempFileName();
            _files.Add(file);
            File.WriteAllText(file, new JsonObject { ["keys"] = new JsonArray(entry.Value.Jwk.DeepClone()) }.ToJsonString());
            return new JsonObject
            {
                ["endpoint"] = "/" + entry.Key,
                ["backend"] = new JsonArray(new JsonObject { ["host"] = new JsonArray(_backend.Host), ["url_pattern"] = "/" + entry.Key + "/{JWT.sub}" }),
                ["extra_config"] = new JsonObject { ["auth/validator"] = new JsonObject { ["alg"] = entry.Key, ["jwk_local_path"] = file } },
            }.ToJsonString();
        });
        _gateway = await TestGateway.StartAsync(TestGateway.Config(string.Join(",", endpoints)));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
        _files.ForEach(File.Delete);
    }

    [Theory]
    [InlineData("EdDSA")]
    [InlineData("ES256")]
    [InlineData("PS256")]
    [InlineData("HS256")]
    public async Task A_token_of_the_endpoints_algorithm_and_key_passes(string algorithm)
    {
        var answer = await _gateway.GetWithTokenAsync("/" + algorithm, Token(algorithm, algorithm));

        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
        _backend.Received.Should().Contain(request => request.Target == $"/{algorithm}/user-1");
    }

    [Theory]
    [InlineData("EdDSA", "ES256")]
    [InlineData("ES256", "PS256")]
    [InlineData("PS256", "HS256")]
    [InlineData("HS256", "EdDSA")]
    public async Task A_token_of_another_algorithm_is_refused(string endpoint, string algorithm)
    {
        (await _gateway.GetWithTokenAsync("/" + endpoint, Token(algorithm, algorithm))).ShouldBeStatusOnly(HttpStatusCode.Unauthorized);
    }

    private string Token(string algorithm, string keyOf) =>
        TestTokens.Sign(TestTokens.Claims("iss", "aud", DateTimeOffset.UtcNow), _keys[keyOf].Key, algorithm);

    private static (SecurityKey, JsonObject) Ed25519()
    {
        var key = Ed25519TestKey.Create("ed");
        return (new Ed25519SecurityKey(key.PublicKey, key.PrivateKey) { KeyId = "ed" }, key.PublicJwk());
    }

    private static (SecurityKey, JsonObject) Oidc(OidcSigningKey key) =>
        (key.Rsa is { } rsa ? new RsaSecurityKey(rsa) { KeyId = key.KeyId } : new ECDsaSecurityKey(key.EcDsa!) { KeyId = key.KeyId }, key.PublicJwk());

    private static (SecurityKey, JsonObject) Hmac()
    {
        var secret = RandomNumberGenerator.GetBytes(64);
        return (new SymmetricSecurityKey(secret) { KeyId = "hs" }, new JsonObject { ["kty"] = "oct", ["kid"] = "hs", ["k"] = Base64Url.EncodeToString(secret) });
    }
}
