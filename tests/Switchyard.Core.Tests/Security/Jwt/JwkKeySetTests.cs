using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Core.Security.Jwt;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Security.Jwt;

public sealed class JwkKeySetTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static JwkKeySet Parse(params JsonObject[] keys) =>
        JwkKeySet.Parse(new JsonObject { ["keys"] = new JsonArray([.. keys]) }.ToJsonString(), Now);

    [Fact]
    public void Keys_of_every_type_are_usable_and_found_by_kid()
    {
        var set = Parse(
            JwtTestKey.For("RS256", "rsa").PublicJwk,
            JwtTestKey.For("ES256", "ec").PublicJwk,
            JwtTestKey.For("HS256", "oct").PublicJwk,
            Ed25519TestKey.Create("ed").PublicJwk());

        set.Keys.Should().HaveCount(4);
        set.TryFind(KeyIdentifyStrategy.Kid, "rsa", out var rsa).Should().BeTrue();
        rsa.Key.Should().BeOfType<RsaSecurityKey>();
        set.TryFind(KeyIdentifyStrategy.Kid, "ed", out var ed).Should().BeTrue();
        ed.Key.Should().BeOfType<Ed25519SecurityKey>();
        set.ReadAt.Should().Be(Now);
    }

    [Fact]
    public void The_krakend_fixture_set_holds_its_hmac_key()
    {
        var set = JwkKeySet.Parse("""
            {"keys": [{"kty": "oct", "alg": "A128KW", "k": "GawgguFyGrWKav7AX4VKUg", "kid": "sim1"},
                      {"kty": "oct", "alg": "HS256", "k": "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow", "kid": "sim2"}]}
            """, Now);

        set.TryFind(KeyIdentifyStrategy.Kid, "sim2", out var sim2).Should().BeTrue();
        sim2.AllowsSignatures("HS256").Should().BeTrue();
        set.TryFind(KeyIdentifyStrategy.Kid, "sim1", out var sim1).Should().BeTrue();
        sim1.AllowsSignatures("HS256").Should().BeFalse("sim1 is an A128KW key");
    }

    [Fact]
    public void Certificate_thumbprints_identify_keys_under_the_x5t_strategies()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=signer", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(Now.AddDays(-1), Now.AddDays(1));
        var der = certificate.RawData;
        var jwk = JwtTestKey.Rsa("RS256", "k1").PublicJwk;
        jwk["x5c"] = new JsonArray(Convert.ToBase64String(der));
        var set = Parse(jwk);

        var sha1 = Base64Url.EncodeToString(SHA1.HashData(der));
        var sha256 = Base64Url.EncodeToString(SHA256.HashData(der));
        set.TryFind(KeyIdentifyStrategy.X5t, sha1, out _).Should().BeTrue();
        set.TryFind(KeyIdentifyStrategy.X5tS256, sha256, out _).Should().BeTrue();
        set.TryFind(KeyIdentifyStrategy.KidX5t, "k1" + sha1, out _).Should().BeTrue();
        set.TryFind(KeyIdentifyStrategy.X5t, "k1", out _).Should().BeFalse();
    }

    [Fact]
    public void An_unusable_key_is_skipped_and_told()
    {
        var set = Parse(JwtTestKey.For("ES256", "ec").PublicJwk, new JsonObject { ["kty"] = "XYZ", ["kid"] = "odd" });

        set.Keys.Should().ContainSingle();
        set.Skipped.Should().Equal("key 'odd' (kty XYZ) cannot be used");
    }

    [Theory]
    [InlineData("""{"keys": []}""", "the JWK set has no keys")]
    [InlineData("""{"keys": [{"kty": "XYZ", "kid": "odd"}]}""", "no key of the JWK set can be used: key 'odd' (kty XYZ) cannot be used")]
    [InlineData("""not json""", "the document is not a JWK set: ArgumentException")]
    public void A_set_without_a_usable_key_is_an_error(string json, string message)
    {
        var parse = () => JwkKeySet.Parse(json, Now);

        parse.Should().Throw<JwkSetException>().WithMessage(message);
    }
}
