using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// KrakenD's own JWT integration set-up (krakend-ce <c>tests/fixtures/krakend.json</c>): the symmetric JWKS
/// (<c>sim1</c>, <c>sim2</c>) on a real server, the <c>/param_forwarding/</c> backend that echoes the path it was
/// called with, and the gateway with the fixture's <c>/private/custom</c>, <c>/private/extract_jwt_claim</c>,
/// <c>/cel/jwt/{id}</c> and <c>/token</c> endpoints (the gateway's own <c>/__debug/</c> as their other backend), plus
/// <c>/private/header</c>, after krakend-jose's own tests: a custom token header and cookie, and preserved arrays.
/// </summary>
public sealed class KrakendJwtFixture : IAsyncLifetime
{
    private JwksServer? _jwks;
    private TestBackend? _backend;
    private TestGateway? _gateway;

    internal TestGateway Gateway => _gateway ?? throw new InvalidOperationException("not started");

    public TestBackend Backend => _backend ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _jwks = await JwksServer.StartAsync(
            JsonNode.Parse("""{"kty": "oct", "alg": "A128KW", "k": "GawgguFyGrWKav7AX4VKUg", "kid": "sim1"}""")!.AsObject(),
            JsonNode.Parse("""{"kty": "oct", "alg": "HS256", "k": "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow", "kid": "sim2"}""")!.AsObject());
        _backend = await TestBackend.StartAsync(context => TestBackend.Json(context, new JsonObject
        {
            ["foo"] = 42,
            ["headers"] = new JsonObject(),
            ["query"] = new JsonObject(),
            ["path"] = context.Request.Path.Value,
        }.ToJsonString()));
        _gateway = await TestGateway.StartSelfCallingAsync(Config(_jwks.Url.ToString(), _backend.Host));
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in new IAsyncDisposable?[] { _gateway, _backend, _jwks })
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    // The fixture's endpoints as KrakenD's file has them; only the JWKS and backend addresses are this run's.
    private static string Config(string jwks, string backend) => """
        {
          "version": 3, "port": 8080, "cache_ttl": "3600s", "timeout": "3s", "debug_endpoint": true,
          "endpoints": [
            {"endpoint": "/private/custom",
             "backend": [{"host": ["http://127.0.0.1:8080"], "url_pattern": "/__debug/", "deny": ["message"]}],
             "extra_config": {
               "proxy": {"static": {"strategy": "always", "data": {"id_user": 1, "firstName": "John", "lastName": "Smith", "age": 25}}},
               "auth/validator": {"alg": "HS256", "audience": ["http://api.example.com"], "roles_key": "roles", "issuer": "https://krakend.io",
                                  "roles": ["role_a", "role_c"], "jwk_url": "%JWKS%", "disable_jwk_security": true}}},
            {"endpoint": "/private/extract_jwt_claim",
             "backend": [{"url_pattern": "/param_forwarding/{JWT.sub}", "host": ["%BACKEND%"], "deny": ["foo", "headers", "query"]}],
             "extra_config": {
               "proxy": {"static": {"strategy": "always", "data": {"id_user": 1, "firstName": "John", "lastName": "Smith", "age": 25}}},
               "auth/validator": {"alg": "HS256", "audience": ["http://api.example.com"], "roles_key": "roles", "issuer": "https://krakend.io",
                                  "roles": ["role_a", "role_c"], "jwk_url": "%JWKS%", "disable_jwk_security": true}}},
            {"endpoint": "/cel/jwt/{id}",
             "backend": [{"host": ["%BACKEND%"], "url_pattern": "/param_forwarding/{id}/{JWT.sub}/{JWT.http://example.com/custom}"}],
             "extra_config": {
               "validation/cel": [{"check_expr": "size(JWT.roles)>1"}],
               "auth/validator": {"alg": "HS256", "audience": ["http://api.example.com"], "roles_key": "roles", "issuer": "https://krakend.io",
                                  "roles": ["role_a", "role_b", "role_y"], "jwk_url": "%JWKS%", "disable_jwk_security": true}}},
            {"endpoint": "/private/header", "input_headers": ["X-Roles"],
             "backend": [{"url_pattern": "/param_forwarding/header", "host": ["%BACKEND%"]}],
             "extra_config": {
               "auth/validator": {"alg": "HS256", "jwk_url": "%JWKS%", "disable_jwk_security": true,
                                  "auth_header_name": "X-Custom-Auth", "cookie_key": "session",
                                  "propagate_claims": [["roles", "X-Roles"]], "propagate_claims_preserve_array": true}}},
            {"endpoint": "/token",
             "backend": [{"host": ["http://127.0.0.1:8080"], "url_pattern": "/__debug", "deny": ["message"]}],
             "extra_config": {
               "proxy": {"static": {"strategy": "always", "data": {"access_token": {
                 "aud": "http://api.example.com", "iss": "https://krakend.io", "sub": "1234567890qwertyuio",
                 "jti": "mnb23vcsrt756yuiomnbvcx98ertyuiop", "roles": ["role_y"], "exp": 1735689600}}}},
               "auth/signer": {"alg": "HS256", "kid": "sim2", "keys_to_sign": ["access_token"], "jwk_url": "%JWKS%", "disable_jwk_security": true}}}
          ]
        }
        """.Replace("%JWKS%", jwks, StringComparison.Ordinal).Replace("%BACKEND%", backend, StringComparison.Ordinal);
}
