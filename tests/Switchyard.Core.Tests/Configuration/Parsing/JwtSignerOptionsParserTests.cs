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
            "extra_config": {"github.com/devopsfaith/krakend-jose/signer": {"alg": "RS256", "kid": "k1", "keys_to_sign": ["t"], "jwk_local_path": "k.json"}}
            """)).Endpoints[0].JwtSigner!;

        options.Type.Should().Be("JWT");
        options.Full.Should().BeFalse();
        options.Keys.LocalPath.Should().Be("k.json");
    }

    [Theory]
    [InlineData("""{"kid": "k", "keys_to_sign": ["t"], "jwk_local_path": "k.json"}""", ".alg: required: the signing algorithm, one of EdDSA, HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512")]
    [InlineData("""{"alg": "RS256", "keys_to_sign": ["t"], "jwk_local_path": "k.json"}""", ".kid: required: the key id of the signing key")]
    [InlineData("""{"alg": "RS256", "kid": "k", "jwk_local_path": "k.json"}""", ".keys_to_sign: required: the members of the answer to sign")]
    [InlineData("""{"alg": "RS256", "kid": "k", "keys_to_sign": ["t"], "jwk_url": "http://idp/jwks"}""", ".jwk_url: 'http://idp/jwks' is not https://: keys downloaded in clear text could be replaced on the way; use https:// or set disable_jwk_security")]
    [InlineData("""{"alg": "RS256", "kid": "k", "keys_to_sign": ["t"], "jwk_local_path": "k.json", "roles": ["a"]}""", ".roles: unknown key 'roles': refused, because it may configure a protection Switchyard does not enforce")]
    public void A_signer_that_cannot_work_as_written_is_an_error(string signer, string error)
    {
        LoadErrors(WithSigner(signer)).Should().Equal(Path + error);
    }
}
