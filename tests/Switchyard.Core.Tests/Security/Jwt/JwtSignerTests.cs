using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Switchyard.Core.Security.Jwt;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Security.Jwt;

/// <summary>The signer's tokens, checked by the validator with the public half of the signing key.</summary>
public sealed class JwtSignerTests : IDisposable
{
    private readonly JwtValidatorHarness _harness = new();
    private readonly List<string> _files = [];
    private readonly ConcurrentQueue<string> _log = new();

    public void Dispose()
    {
        _harness.Dispose();
        _files.ForEach(File.Delete);
    }

    private JwtSigner Signer(string algorithm, JsonObject privateJwk, string keyId, Func<JwtSignerOptions, JwtSignerOptions>? configure = null)
    {
        var path = Path.GetTempFileName();
        _files.Add(path);
        File.WriteAllText(path, new JsonObject { ["keys"] = new JsonArray(privateJwk.DeepClone()) }.ToJsonString());
        var options = new JwtSignerOptions
        {
            Algorithm = algorithm,
            KeyId = keyId,
            KeysToSign = ["access_token", "refresh_token", "name"],
            Keys = new JwkSourceOptions { LocalPath = path },
            JsonPath = "endpoints[0].extra_config.auth/signer",
        };
        options = configure?.Invoke(options) ?? options;
        return new JwtSigner(options, new LocalJwkSource(path, _harness.Time, (_, _, _) => { }), (level, message, _) => _log.Enqueue($"{level}: {message}"));
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("PS256")]
    [InlineData("ES256")]
    [InlineData("EdDSA")]
    public async Task A_signed_member_is_a_compact_jws_the_validator_accepts_with_the_public_key(string algorithm)
    {
        var (privateJwk, publicJwk) = KeyPair(algorithm, "login-1");
        var signer = Signer(algorithm, privateJwk, "login-1");
        var data = new JsonObject { ["access_token"] = _harness.Claims(), ["name"] = "not an object", ["other"] = new JsonObject { ["a"] = 1 } };

        signer.SignMembers(data);

        var token = data["access_token"]!.GetValue<string>();
        Text(token.Split('.')[0]).Should().Be($$"""{"alg":"{{algorithm}}","kid":"login-1","typ":"JWT"}""");
        data["name"]!.GetValue<string>().Should().Be("not an object", "only objects are signed");
        data["other"]!["a"]!.GetValue<int>().Should().Be(1, "members not listed are left alone");
        var result = await _harness.Validator(algorithm, [publicJwk]).ValidateTokenAsync(token, default);
        result.Outcome.Should().Be(JwtOutcome.Valid, result.Reason);
    }

    [Fact]
    public void The_payload_is_the_members_json_with_sorted_keys()
    {
        var signer = Signer("HS256", JwtTestKey.For("HS256", "k").PublicJwk, "k");
        var data = new JsonObject { ["access_token"] = JsonNode.Parse("""{"sub": "u", "aud": "a", "exp": 1735689600, "nested": {"z": 1, "a": "<&>"}}""") };

        signer.SignMembers(data);

        Text(data["access_token"]!.GetValue<string>().Split('.')[1]).Should().Be("""{"aud":"a","exp":1735689600,"nested":{"a":"\u003c\u0026\u003e","z":1},"sub":"u"}""");
    }

    [Fact]
    public void Full_serialization_is_the_flattened_json_as_a_string()
    {
        var signer = Signer("HS256", JwtTestKey.For("HS256", "k").PublicJwk, "k", options => options with { Full = true, Type = "at+jwt" });
        var data = new JsonObject { ["refresh_token"] = new JsonObject { ["sub"] = "u" } };

        signer.SignMembers(data);

        var full = JsonNode.Parse(data["refresh_token"]!.GetValue<string>())!.AsObject();
        full.Select(member => member.Key).Should().Equal("payload", "protected", "signature");
        Text(full["protected"]!.GetValue<string>()).Should().Be("""{"alg":"HS256","kid":"k","typ":"at+jwt"}""");
        Text(full["payload"]!.GetValue<string>()).Should().Be("""{"sub":"u"}""");
    }

    [Fact]
    public void Without_its_kid_in_the_set_the_signer_has_no_key_and_says_so_once()
    {
        var signer = Signer("HS256", JwtTestKey.For("HS256", "other").PublicJwk, "login-1");

        signer.TryGetKey(out _).Should().BeFalse();
        signer.TryGetKey(out _).Should().BeFalse();

        _log.Should().Equal("Error: endpoints[0].extra_config.auth/signer: the key set has no private key with kid 'login-1'; every request is refused");
    }

    [Fact]
    public void A_public_key_cannot_sign()
    {
        var signer = Signer("RS256", JwtTestKey.For("RS256", "login-1").PublicJwk, "login-1");

        signer.TryGetKey(out _).Should().BeFalse();
    }

    private static string Text(string segment) => System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(segment));

    private static (JsonObject Private, JsonObject Public) KeyPair(string algorithm, string keyId)
    {
        if (algorithm == JwtAlgorithms.EdDsa)
        {
            var ed = Ed25519TestKey.Create(keyId);
            return (ed.PrivateJwk(), ed.PublicJwk());
        }

        var key = OidcSigningKey.Create(keyId, algorithm.StartsWith("ES", StringComparison.Ordinal) ? OidcKeyType.EcP256 : OidcKeyType.Rsa2048);
        return (key.PrivateJwk(), key.PublicJwk());
    }
}
