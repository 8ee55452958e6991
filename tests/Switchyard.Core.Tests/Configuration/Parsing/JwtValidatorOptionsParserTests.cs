using Switchyard.Core.Security.Jwt;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class JwtValidatorOptionsParserTests
{
    private const string Path = "endpoints[0].extra_config.auth/validator";

    private static string WithValidator(string validator) => ServiceWithEndpoint($$"""
        "extra_config": {"auth/validator": {{validator}}}
        """);

    private static JwtValidatorOptions Load(string validator) => LoadValid(WithValidator(validator)).Endpoints[0].JwtValidator!;

    [Fact]
    public void Every_field_is_read()
    {
        var options = Load("""
            {"alg": "RS256", "jwk_url": "https://idp.example.com/jwks", "cache": true, "cache_duration": 600,
             "failed_jwk_key_cooldown": "30s", "key_identify_strategy": "x5t#S256",
             "audience": ["https://api.example.com", "orders"], "issuer": "https://idp.example.com",
             "roles": ["admin"], "roles_key": "realm_access.roles", "roles_key_is_nested": true,
             "scopes": ["orders:read"], "scopes_key": "scope", "scopes_matcher": "all",
             "cookie_key": "session", "auth_header_name": "X-Token",
             "propagate_claims": [["sub", "X-User"], ["tenant.id", "X-Tenant"]], "propagate_claims_preserve_array": true,
             "leeway": "5s", "operation_debug": true,
             "jwk_fingerprints": ["47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU="], "jwk_local_ca": "%CA%",
             "cipher_suites": [49199, 4865]}
            """.Replace(", 4865", "", StringComparison.Ordinal).Replace("%CA%", JwkFiles.Json(JwkFiles.Authority), StringComparison.Ordinal));

        options.Should().BeEquivalentTo(new JwtValidatorOptions
        {
            Algorithm = "RS256",
            Keys = new JwkSourceOptions
            {
                Url = new Uri("https://idp.example.com/jwks"),
                Fingerprints = [Convert.FromHexString("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")],
                LocalCa = JwkFiles.Authority,
                CipherSuites = [49199],
                JsonPath = Path,
            },
            Cache = true,
            CacheDuration = TimeSpan.FromSeconds(600),
            FailedKeyCooldown = TimeSpan.FromSeconds(30),
            KeyIdentifyStrategy = KeyIdentifyStrategy.X5tS256,
            Audience = ["https://api.example.com", "orders"],
            Issuer = "https://idp.example.com",
            Roles = ["admin"],
            RolesKey = "realm_access.roles",
            RolesKeyIsNested = true,
            Scopes = ["orders:read"],
            ScopesKey = "scope",
            ScopesMatcher = ScopesMatcher.All,
            CookieKey = "session",
            AuthHeaderName = "X-Token",
            PropagateClaims = [new ClaimToHeader("sub", "X-User"), new ClaimToHeader("tenant.id", "X-Tenant")],
            PropagateClaimsPreserveArray = true,
            Leeway = TimeSpan.FromSeconds(5),
            OperationDebug = true,
            JsonPath = Path,
        });
    }

    [Fact]
    public void Left_out_fields_take_krakends_defaults_and_switchyards_cooldown()
    {
        var options = Load("""{"alg": "HS256", "jwk_url": "http://127.0.0.1:8081/jwk/symmetric", "disable_jwk_security": true}""");

        options.Cache.Should().BeFalse();
        options.MaxKeySetAge.Should().Be(TimeSpan.FromMinutes(1), "without cache Switchyard keeps a set for a minute");
        options.CacheDuration.Should().Be(TimeSpan.FromMinutes(15));
        options.FailedKeyCooldown.Should().Be(TimeSpan.FromSeconds(10));
        options.KeyIdentifyStrategy.Should().Be(KeyIdentifyStrategy.Kid);
        options.RolesKey.Should().Be("roles");
        options.ScopesMatcher.Should().Be(ScopesMatcher.Any);
        options.CookieKey.Should().Be("access_token");
        options.AuthHeaderName.Should().Be("Authorization");
        options.Leeway.Should().Be(TimeSpan.FromSeconds(1));
        options.Keys.CipherSuites.Should().Equal(49199, 49195, 49200, 49196, 52392, 52393);
        options.Keys.DisableJwkSecurity.Should().BeTrue();
    }

    [Fact]
    public void The_old_namespace_name_is_read_too()
    {
        var endpoint = LoadValid(ServiceWithEndpoint("""
            "extra_config": {"github.com/devopsfaith/krakend-jose/validator": {"alg": "ES256", "jwk_local_path": "%FILE%"}}
            """.Replace("%FILE%", JwkFiles.Json(JwkFiles.KeySet), StringComparison.Ordinal))).Endpoints[0];

        endpoint.JwtValidator!.Algorithm.Should().Be("ES256");
        endpoint.JwtValidator.Keys.LocalPath.Should().Be(JwkFiles.KeySet);
    }

    [Fact]
    public void A_leeway_under_a_second_is_raised_to_a_second_as_krakend_does()
    {
        Load("""{"alg": "RS256", "jwk_url": "https://i/k", "leeway": "100ms"}""").Leeway.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Cache_duration_zero_means_the_default()
    {
        Load("""{"alg": "RS256", "jwk_url": "https://i/k", "cache": true, "cache_duration": 0}""").MaxKeySetAge.Should().Be(TimeSpan.FromMinutes(15));
    }

    [Theory]
    [InlineData("""{"jwk_url": "https://i/k"}""", ".alg: required: the signing algorithm, one of EdDSA, HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512")]
    [InlineData("""{"alg": "rs256", "jwk_url": "https://i/k"}""", ".alg: unknown algorithm 'rs256': expected one of EdDSA, HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512")]
    [InlineData("""{"alg": "none", "jwk_url": "https://i/k"}""", ".alg: unknown algorithm 'none': expected one of EdDSA, HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512")]
    [InlineData("""{"alg": "RS256"}""", ": required: jwk_url or jwk_local_path, where the keys come from")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "jwk_local_path": "k.json"}""", ".jwk_local_path: give either jwk_url or jwk_local_path, not both")]
    [InlineData("""{"alg": "RS256", "jwk_url": "http://idp/jwks"}""", ".jwk_url: 'http://idp/jwks' is not https://: keys downloaded in clear text could be replaced on the way; use https:// or set disable_jwk_security")]
    [InlineData("""{"alg": "RS256", "jwk_url": "ftp://idp/jwks"}""", ".jwk_url: 'ftp://idp/jwks' is not an http:// or https:// URL")]
    [InlineData("""{"alg": "RS256", "jwk_url": "/jwks"}""", ".jwk_url: '/jwks' is not an http:// or https:// URL")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "scopes": ["a"]}""", ".scopes: scopes need scopes_key, the claim that holds them")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "scopes": ["a"], "scopes_key": "scope", "scopes_matcher": "ALL"}""", ".scopes_matcher: unknown matcher 'ALL': expected any or all")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "key_identify_strategy": "x5c"}""", ".key_identify_strategy: unknown strategy 'x5c': expected kid, x5t, x5t#S256 or kid_x5t")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "propagate_claims": [["sub"]]}""", ".propagate_claims[0]: expected a pair [\"claim\", \"Header-Name\"], got array")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "propagate_claims": [["sub", "X User"]]}""", ".propagate_claims[0][1]: 'X User' is not a valid header name")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "auth_header_name": "X:Token"}""", ".auth_header_name: 'X:Token' is not a valid header name")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "failed_jwk_key_cooldown": "500ms"}""", ".failed_jwk_key_cooldown: must be at least 1s: unknown key ids would download the key set on every request")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "cache_duration": -1}""", ".cache_duration: must not be negative (seconds; 0 means the default)")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "jwk_fingerprints": ["not base64!"]}""", ".jwk_fingerprints[0]: expected the base64url SHA-256 digest (32 bytes) of a certificate's public key")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "jwk_fingerprints": ["AAAA"]}""", ".jwk_fingerprints[0]: expected the base64url SHA-256 digest (32 bytes) of a certificate's public key")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "cipher_suites": [1234]}""", ".cipher_suites[0]: expected a TLS cipher suite number KrakenD lists (such as 49199), got number 1234")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "audience": "api"}""", ".audience: expected an array of strings, got string \"api\"")]
    [InlineData("""{"alg": "RS256", "jwk_url": "https://i/k", "roles": ["a"], "rols_key": "r"}""", ".rols_key: unknown key 'rols_key': refused, because it may configure a protection Switchyard does not enforce")]
    public void A_setting_that_would_weaken_or_break_validation_is_an_error(string validator, string error)
    {
        LoadErrors(WithValidator(validator)).Should().Equal(Path + error);
    }

    [Theory]
    [InlineData("secret_url", "\"base64key://smGbjm71Nxd1Ig5FS0wj9SlbzAIrnolCz9bQQ6uAhl4=\"")]
    [InlineData("cypher_key", "\"c2VjcmV0\"")]
    public void Encrypted_key_files_are_refused(string key, string value)
    {
        LoadErrors(WithValidator($$"""{"alg": "RS256", "jwk_url": "https://i/k", "{{key}}": {{value}}}""")).Should().Equal(
            $"{Path}.{key}: '{key}' (encrypted JWK files) is not served by Switchyard: refused, because the key set is encrypted and would be read as is");
    }

    [Fact]
    public void Cache_is_refused_with_a_local_file()
    {
        LoadErrors(WithValidator($$"""{"alg": "RS256", "jwk_local_path": "{{JwkFiles.Json(JwkFiles.KeySet)}}", "cache": true}""")).Should().Equal(
            Path + ".cache: cache applies to keys downloaded from jwk_url; a jwk_local_path is read once");
    }

    [Theory]
    [InlineData("jwk_local_path", "/no/such/jwks.json", "'/no/such/jwks.json' cannot be read: Could not find a part of the path '/no/such/jwks.json'.")]
    [InlineData("jwk_local_ca", "/no/such/ca.pem", "'/no/such/ca.pem' cannot be read as PEM certificates: Could not find a part of the path '/no/such/ca.pem'.")]
    public void A_local_file_that_cannot_be_read_is_an_error_when_the_configuration_loads(string key, string file, string error)
    {
        var source = key == "jwk_local_path" ? $"\"{key}\": \"{file}\"" : $"\"jwk_url\": \"https://i/k\", \"{key}\": \"{file}\"";

        LoadErrors(WithValidator($$"""{"alg": "RS256", {{source}}}""")).Should().Equal($"{Path}.{key}: {error}");
    }

    [Fact]
    public void A_local_file_that_is_not_a_key_set_is_an_error()
    {
        LoadErrors(WithValidator($$"""{"alg": "RS256", "jwk_local_path": "{{JwkFiles.Json(JwkFiles.Authority)}}"}""")).Should().Equal(
            $"{Path}.jwk_local_path: '{JwkFiles.Authority}': the document is not a JWK set: ArgumentException");
    }

    [Fact]
    public void A_workflow_or_a_backend_may_not_hold_a_validator()
    {
        LoadErrors(ServiceWithBackend("""
            "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "https://i/k"}}
            """)).Should().Equal(
            "endpoints[0].backend[0].extra_config.auth/validator: 'auth/validator' (JWT validation) is served on the service and endpoints only, not on backends: refused, because requests would reach backends without a valid token");
    }

    [Fact]
    public void The_service_block_reads_the_shared_cache_duration_only()
    {
        var config = LoadValid("""
            {"version": 3, "host": ["http://b"], "extra_config": {"auth/validator": {"shared_cache_duration": 300}},
             "endpoints": [{"endpoint": "/e", "backend": [{"url_pattern": "/b"}]}]}
            """);
        config.JwtValidator!.SharedCacheDuration.Should().Be(TimeSpan.FromMinutes(5));

        LoadErrors("""
            {"version": 3, "host": ["http://b"], "extra_config": {"auth/validator": {"alg": "RS256"}},
             "endpoints": [{"endpoint": "/e", "backend": [{"url_pattern": "/b"}]}]}
            """).Should().Equal("extra_config.auth/validator.alg: unknown key 'alg': refused, because it may configure a protection Switchyard does not enforce");
    }
}
