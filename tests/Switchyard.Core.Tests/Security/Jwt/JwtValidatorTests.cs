using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Signers;
using Switchyard.Core.Security.Jwt;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Security.Jwt;

/// <summary>Signatures and algorithms: every supported algorithm verifies, and every forgery is refused with 401.</summary>
public sealed class JwtValidatorTests : IDisposable
{
    private readonly JwtValidatorHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    [InlineData("PS256")]
    [InlineData("PS384")]
    [InlineData("PS512")]
    [InlineData("ES256")]
    [InlineData("ES384")]
    [InlineData("ES512")]
    [InlineData("HS256")]
    [InlineData("HS384")]
    [InlineData("HS512")]
    [InlineData("EdDSA")]
    public async Task A_token_signed_with_a_key_of_the_set_and_the_configured_algorithm_is_valid(string algorithm)
    {
        var key = JwtTestKey.For(algorithm);
        var validator = _harness.Validator(key);

        var result = await validator.ValidateTokenAsync(key.Sign(_harness.Claims()), default);

        result.Outcome.Should().Be(JwtOutcome.Valid, result.Reason);
        result.Claims!["sub"]!.GetValue<string>().Should().Be("user-1");
    }

    [Fact]
    public async Task An_eddsa_token_signed_by_bouncycastle_alone_is_valid()
    {
        var key = Ed25519TestKey.Create("ed-1");
        var signingInput = TestTokens.Segment(new JsonObject { ["alg"] = "EdDSA", ["kid"] = "ed-1" }) + "." + TestTokens.Segment(_harness.Claims());
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, key.PrivateKey);
        var input = System.Text.Encoding.ASCII.GetBytes(signingInput);
        signer.BlockUpdate(input, 0, input.Length);
        var token = signingInput + "." + Base64Url.EncodeToString(signer.GenerateSignature());

        var result = await _harness.Validator(JwtAlgorithms.EdDsa, [key.PublicJwk()]).ValidateTokenAsync(token, default);

        result.Outcome.Should().Be(JwtOutcome.Valid, result.Reason);
    }

    [Fact]
    public async Task A_request_without_a_token_is_refused()
    {
        var validator = _harness.Validator(JwtTestKey.For("RS256"));

        var result = await validator.ValidateAsync(headerValue: null, cookieValue: null, default);

        result.Should().Be(JwtValidationResult.Unauthorized(JwtRejection.MissingToken, "the request carries no token"));
    }

    [Theory]
    [InlineData("a.bad.token")]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9")]
    [InlineData("....")]
    public async Task A_malformed_token_is_refused(string token)
    {
        var result = await _harness.Validator(JwtTestKey.For("RS256")).ValidateTokenAsync(token, default);

        result.Outcome.Should().Be(JwtOutcome.Unauthorized);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("RS256")]
    public async Task An_unsigned_token_is_refused_whatever_its_alg_header_says(string alg)
    {
        var validator = _harness.Validator(JwtTestKey.For("RS256", "key-1"));
        var token = TestTokens.Unsigned(new JsonObject { ["alg"] = alg, ["kid"] = "key-1", ["typ"] = "JWT" }, _harness.Claims());

        var result = await validator.ValidateTokenAsync(token, default);

        result.Outcome.Should().Be(JwtOutcome.Unauthorized);
    }

    [Fact]
    public async Task An_hs256_token_whose_secret_is_the_rsa_public_key_is_refused_on_an_rs256_endpoint()
    {
        var rsa = JwtTestKey.Rsa("RS256", "key-1");
        var publicPem = ((Microsoft.IdentityModel.Tokens.RsaSecurityKey)rsa.SigningKey).Rsa.ExportSubjectPublicKeyInfoPem();
        var forged = JwtTestKey.Hmac("HS256", "key-1", System.Text.Encoding.ASCII.GetBytes(publicPem));

        var result = await _harness.Validator(rsa).ValidateTokenAsync(forged.Sign(_harness.Claims()), default);

        result.Should().Be(JwtValidationResult.Unauthorized(JwtRejection.Algorithm, "the token is not signed with RS256"));
    }

    [Fact]
    public async Task An_hs256_endpoint_never_uses_an_rsa_key_of_its_set_as_a_secret()
    {
        var rsa = JwtTestKey.Rsa("RS256", "key-1");
        var modulus = Base64Url.DecodeFromChars(rsa.PublicJwk["n"]!.GetValue<string>());
        var forged = JwtTestKey.Hmac("HS256", "key-1", modulus);

        var result = await _harness.Validator("HS256", [rsa.PublicJwk]).ValidateTokenAsync(forged.Sign(_harness.Claims()), default);

        result.Outcome.Should().Be(JwtOutcome.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_under_a_known_kid_is_refused()
    {
        var published = JwtTestKey.For("RS256", "key-1");
        var attacker = JwtTestKey.For("RS256", "key-1");

        var result = await _harness.Validator(published).ValidateTokenAsync(attacker.Sign(_harness.Claims()), default);

        result.Should().Be(JwtValidationResult.Unauthorized(JwtRejection.BadSignature, "the token's signature does not match the key"));
    }

    [Fact]
    public async Task A_token_whose_kid_is_not_in_the_set_is_refused()
    {
        var published = JwtTestKey.For("ES256", "key-1");
        var other = JwtTestKey.For("ES256", "key-2");

        var result = await _harness.Validator(published).ValidateTokenAsync(other.Sign(_harness.Claims()), default);

        result.Should().Be(JwtValidationResult.Unauthorized(JwtRejection.UnknownKey, "the key set has no key with the token's key id"));
    }

    [Theory]
    [InlineData("jku")]
    [InlineData("x5u")]
    public async Task A_key_url_header_is_never_followed(string header)
    {
        var published = JwtTestKey.For("RS256", "key-1");
        var attacker = JwtTestKey.For("RS256", "attacker");
        var headers = new Dictionary<string, object> { [header] = "https://attacker.example/jwks.json" };

        var result = await _harness.Validator(published).ValidateTokenAsync(attacker.Sign(_harness.Claims(), headers), default);

        result.Outcome.Should().Be(JwtOutcome.Unauthorized);
    }

    [Fact]
    public async Task An_embedded_jwk_header_is_never_trusted()
    {
        var published = JwtTestKey.For("RS256", "key-1");
        var attacker = JwtTestKey.For("RS256", "key-1");
        var headers = new Dictionary<string, object> { ["jwk"] = attacker.PublicJwk };

        var result = await _harness.Validator(published).ValidateTokenAsync(attacker.Sign(_harness.Claims(), headers), default);

        result.Should().Be(JwtValidationResult.Unauthorized(JwtRejection.BadSignature, "the token's signature does not match the key"));
    }

    [Fact]
    public async Task A_token_of_100_kilobytes_is_refused_before_it_is_parsed()
    {
        var key = JwtTestKey.For("RS256");
        var token = key.Sign(_harness.Claims(new JsonObject { ["padding"] = new string('x', 100_000) }));

        var result = await _harness.Validator(key).ValidateTokenAsync(token, default);

        result.Should().Be(JwtValidationResult.Unauthorized(JwtRejection.TokenTooLong, "the token is longer than 16384 characters"));
    }

    [Fact]
    public async Task A_token_with_critical_header_extensions_is_refused()
    {
        var key = JwtTestKey.For("RS256");
        var headers = new Dictionary<string, object> { ["crit"] = new[] { "exp-x" }, ["exp-x"] = 1 };

        var result = await _harness.Validator(key).ValidateTokenAsync(key.Sign(_harness.Claims(), headers), default);

        result.Outcome.Should().Be(JwtOutcome.Unauthorized);
    }

    [Theory]
    [InlineData("enc", null)]
    [InlineData(null, "RS512")]
    public async Task A_key_meant_for_encryption_or_another_algorithm_never_verifies(string? use, string? alg)
    {
        var key = JwtTestKey.For("RS256");
        key.PublicJwk["use"] = use;
        key.PublicJwk["alg"] = alg;

        var result = await _harness.Validator(key).ValidateTokenAsync(key.Sign(_harness.Claims()), default);

        result.Should().Be(JwtValidationResult.Unauthorized(JwtRejection.KeyAlgorithm, "the key the token names is not a RS256 signing key"));
    }

    [Fact]
    public async Task An_hmac_secret_shorter_than_256_bits_is_not_accepted()
    {
        var secret = RandomNumberGenerator.GetBytes(16);
        var validator = _harness.Validator(JwtTestKey.Hmac("HS256", "short", secret));
        var signingInput = TestTokens.Segment(new JsonObject { ["alg"] = "HS256", ["kid"] = "short" }) + "." + TestTokens.Segment(_harness.Claims());
        var token = signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(secret, System.Text.Encoding.ASCII.GetBytes(signingInput)));

        var result = await validator.ValidateTokenAsync(token, default);

        result.Outcome.Should().Be(JwtOutcome.Unauthorized);
    }

    [Fact]
    public async Task The_token_is_read_from_the_header_without_its_bearer_prefix_or_else_from_the_cookie()
    {
        var key = JwtTestKey.For("ES256");
        var validator = _harness.Validator(key);
        var token = key.Sign(_harness.Claims());

        (await validator.ValidateAsync("bEaReR " + token, null, default)).Outcome.Should().Be(JwtOutcome.Valid);
        (await validator.ValidateAsync(token, null, default)).Outcome.Should().Be(JwtOutcome.Valid);
        (await validator.ValidateAsync(null, token, default)).Outcome.Should().Be(JwtOutcome.Valid);
        (await validator.ValidateAsync("", token, default)).Outcome.Should().Be(JwtOutcome.Valid);
        (await validator.ValidateAsync("Bearer a.bad.token", token, default)).Outcome.Should().Be(JwtOutcome.Unauthorized, "a header is never passed over for the cookie");
    }

    [Theory]
    [InlineData(KeyIdentifyStrategy.X5t, "x5t")]
    [InlineData(KeyIdentifyStrategy.X5tS256, "x5t#S256")]
    public async Task Under_a_thumbprint_strategy_the_key_is_found_by_its_certificate(KeyIdentifyStrategy strategy, string header)
    {
        var key = JwtTestKey.Rsa("RS256", "k1");
        var rsa = ((Microsoft.IdentityModel.Tokens.RsaSecurityKey)key.SigningKey).Rsa;
        using var certificate = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=signer", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(_harness.Time.GetUtcNow().AddDays(-1), _harness.Time.GetUtcNow().AddDays(1));
        key.PublicJwk["x5c"] = new JsonArray(Convert.ToBase64String(certificate.RawData));
        var thumbprint = Base64Url.EncodeToString(header == "x5t" ? SHA1.HashData(certificate.RawData) : SHA256.HashData(certificate.RawData));
        var validator = _harness.Validator(key, options => options with { KeyIdentifyStrategy = strategy });

        // IdentityModel writes x5t itself for a certificate key (and refuses it as an extra header); x5t#S256 is ours.
        var token = header == "x5t"
            ? TestTokens.Sign(_harness.Claims(), new Microsoft.IdentityModel.Tokens.X509SecurityKey(certificate), "RS256")
            : key.Sign(_harness.Claims(), new Dictionary<string, object> { [header] = thumbprint });
        TestTokens.Decode(token.Split('.')[0])[header]!.GetValue<string>().Should().Be(thumbprint);

        (await validator.ValidateTokenAsync(token, default)).Outcome.Should().Be(JwtOutcome.Valid);
        (await validator.ValidateTokenAsync(key.Sign(_harness.Claims()), default))
            .Outcome.Should().Be(JwtOutcome.Unauthorized, "without the thumbprint header the kid is looked up, and it is not a thumbprint");
    }
}
