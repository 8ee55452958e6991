using Switchyard.Core.Security.Jwt;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class JwtSignerOptionsParserTests
{
    private const string Path = "endpoints[0].extra_config.auth/signer";

    private static string WithSigner(string signer) => ServiceWithEndpoint($$"""
        "extra_config": {"auth/signer": {{signer}}}
        """);

    [Fact]
    public void Every_field_is_read()
    {
        var options = LoadValid(WithSigner("""
            {"alg": "HS256", "kid": "sim2", "keys_to_sign": ["access_token", "refresh_token"], "full": true, "typ": "at+jwt",
             "jwk_url": "http://127.0.0.1:8081/jwk/symmetric", "disable_jwk_security": true, "leeway": "1s"}
            """)).Endpoints[0].JwtSigner;

        options.Should().BeEquivalentTo(new JwtSignerOptions
        {
            Algorithm = "HS256",
            KeyId = "sim2",
            KeysToSign = ["access_token", "refresh_token"],
            Full = true,
            Type = "at+jwt",
            Keys = new JwkSourceOptions { Url = new Uri("http://127.0.0.1:8081/jwk/symmetric"), DisableJwkSecurity = true, JsonPath = Path },
            JsonPath = Path,
        });
    }

    [Fact]
    public void The_old_namespace_name_is_read_and_typ_defaults_to_jwt()
    {
        var options = LoadValid(ServiceWithEndpoint("""
            "extra_config": {"github.com/devopsfaith/krakend-jose/signer": {"alg": "HS256", "kid": "k", "keys_to_sign": ["t"], "jwk_local_path": "%FILE%"}}
            """.Replace("%FILE%", JwkFiles.Json(JwkFiles.KeySet), StringComparison.Ordinal))).Endpoints[0].JwtSigner!;

        options.Type.Should().Be("JWT");
        options.Full.Should().BeFalse();
        options.Keys.LocalPath.Should().Be(JwkFiles.KeySet);
    }

    [Theory]
    [InlineData("""{"kid": "k", "keys_to_sign": ["t"], "jwk_url": "https://i/k"}""", ".alg: required: the signing algorithm, one of EdDSA, HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512")]
    [InlineData("""{"alg": "RS256", "keys_to_sign": ["t"], "jwk_url": "https://i/k"}""", ".kid: required: the key id of the signing key")]
    [InlineData("""{"alg": "RS256", "kid": "k", "jwk_url": "https://i/k"}""", ".keys_to_sign: required: the members of the answer to sign")]
    [InlineData("""{"alg": "RS256", "kid": "k", "keys_to_sign": ["t"], "jwk_url": "http://idp/jwks"}""", ".jwk_url: 'http://idp/jwks' is not https://: keys downloaded in clear text could be replaced on the way; use https:// or set disable_jwk_security")]
    [InlineData("""{"alg": "RS256", "kid": "k", "keys_to_sign": ["t"], "jwk_url": "https://i/k", "roles": ["a"]}""", ".roles: unknown key 'roles': refused, because it may configure a protection Switchyard does not enforce")]
    public void A_signer_that_cannot_work_as_written_is_an_error(string signer, string error)
    {
        LoadErrors(WithSigner(signer)).Should().Equal(Path + error);
    }

    [Fact]
    public void A_local_key_set_without_the_signing_kid_is_an_error()
    {
        LoadErrors(WithSigner($$"""{"alg": "HS256", "kid": "other", "keys_to_sign": ["t"], "jwk_local_path": "{{JwkFiles.Json(JwkFiles.KeySet)}}"}""")).Should().Equal(
            $"{Path}.jwk_local_path: '{JwkFiles.KeySet}' has no usable key with kid 'other'");
    }

    [Fact]
    public void A_no_op_endpoint_has_nothing_to_sign()
    {
        LoadErrors(Service("""
            {"endpoint": "/login", "output_encoding": "no-op", "backend": [{"url_pattern": "/b", "encoding": "no-op"}],
             "extra_config": {"auth/signer": {"alg": "HS256", "kid": "k", "keys_to_sign": ["t"], "jwk_url": "https://i/k"}}}
            """)).Should().Equal($"{Path}: a no-op endpoint passes its backend's answer through untouched: there is nothing to sign");
    }
}
