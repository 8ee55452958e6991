using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Security.Jwt;
using Switchyard.Functions.Hosting;
using Switchyard.Functions.Routing;
using Switchyard.Functions.Security;

namespace Switchyard.Benchmarks;

/// <summary>
/// What <c>auth/validator</c> adds to a request: the same one-backend endpoint without a validator, with an RS256 one
/// and with an ES256 one, each called through the gateway's router and endpoint layers (sockets aside, the backend in
/// memory). Keys are cached (<c>jwk_local_path</c>, loaded before the first request). Each validator is measured twice:
/// with the same token on every request (what a client does while its token lives, and what the verified-token cache
/// serves) and with a token the gateway has never seen (a full signature check every time).
/// </summary>
[MemoryDiagnoser]
public class JwtValidationBenchmarks : IDisposable
{
    private const string Host = "http://backend.test";
    private const string Issuer = "https://issuer.test";
    private const string Audience = "https://api.test";
    private const int FreshTokens = 4096;

    private static readonly Dictionary<string, string> Bodies = new() { ["/users/42"] = """{"id":42,"name":"ana"}""" };

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly DefaultHttpContext _context = new();
    private string _directory = "";
    private JwkSources _keys = null!;
    private GatewayDispatcher _dispatcher = null!;
    private string[] _rsaTokens = [];
    private string[] _ecTokens = [];
    private int _next;
    private byte[] _signingInput = [];
    private byte[] _rsaSignature = [];
    private byte[] _ecSignature = [];

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("switchyard-jwt-bench-").FullName;
        var jwks = Path.Combine(_directory, "jwks.json");
        File.WriteAllText(jwks, new JsonObject { ["keys"] = new JsonArray(RsaJwk(), EcJwk()) }.ToJsonString());

        var config = Load(Configuration(jwks));
        var proxies = new ProxyFactory(new HttpMessageInvoker(new CannedBackends(Bodies)), DecoderRegistry.Default);
        _keys = new JwkSources(TimeProvider.System, JwtLogBridge.For(NullLogger.Instance), GatewayIdentity.UserAgent);
        var handlers = new EndpointHandlerFactory(config, proxies, EncoderRegistry.Default, _keys, TimeProvider.System, durable: null, NullLogger.Instance);
        var entries = config.Endpoints.Select(endpoint =>
            new RouteEntry<GatewayRoute>(endpoint.Method, endpoint.Endpoint, new GatewayRoute(handlers.Create(endpoint))));
        _dispatcher = new GatewayDispatcher(new RouteTable<GatewayRoute>(entries));

        // A distinct token per request for the uncached rows: different jti, same claims otherwise.
        _rsaTokens = [.. Enumerable.Range(0, FreshTokens).Select(i => Token(new RsaSecurityKey(_rsa) { KeyId = "rsa" }, SecurityAlgorithms.RsaSha256, i))];
        _ecTokens = [.. Enumerable.Range(0, FreshTokens).Select(i => Token(new ECDsaSecurityKey(_ec) { KeyId = "ec" }, SecurityAlgorithms.EcdsaSha256, i))];

        _signingInput = System.Text.Encoding.ASCII.GetBytes(_rsaTokens[0][.._rsaTokens[0].LastIndexOf('.')]);
        _rsaSignature = _rsa.SignData(_signingInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _ecSignature = _ec.SignData(_signingInput, HashAlgorithmName.SHA256);

        var request = _context.Request;
        request.Method = "GET";
        request.Scheme = "http";
        request.Host = new HostString("gateway.test");
        request.Headers.UserAgent = "bench";
        _context.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        _context.Response.Body = Stream.Null;
    }

    [Benchmark(Baseline = true, Description = "no validator")]
    public Task<int> WithoutValidator() => CallAsync("/open/42", null);

    [Benchmark(Description = "RS256, same token")]
    public Task<int> Rs256SameToken() => CallAsync("/rs256/42", _rsaTokens[0]);

    [Benchmark(Description = "ES256, same token")]
    public Task<int> Es256SameToken() => CallAsync("/es256/42", _ecTokens[0]);

    [Benchmark(Description = "RS256, new token each time")]
    public Task<int> Rs256NewToken() => CallAsync("/rs256/42", _rsaTokens[_next++ % FreshTokens]);

    [Benchmark(Description = "ES256, new token each time")]
    public Task<int> Es256NewToken() => CallAsync("/es256/42", _ecTokens[_next++ % FreshTokens]);

    // The floor of a first-seen token: the platform's (OpenSSL's) signature check alone, on the same signing input.
    [Benchmark(Description = "RSA-2048 PKCS#1 SHA-256 verify alone")]
    public bool RsaVerifyAlone() => _rsa.VerifyData(_signingInput, _rsaSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    [Benchmark(Description = "ECDSA P-256 SHA-256 verify alone")]
    public bool EcdsaVerifyAlone() => _ec.VerifyData(_signingInput, _ecSignature, HashAlgorithmName.SHA256);

    public void Dispose()
    {
        _keys?.Dispose();
        _rsa.Dispose();
        _ec.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private async Task<int> CallAsync(string path, string? token)
    {
        var request = _context.Request;
        request.Path = path;
        if (token is null)
        {
            request.Headers.Remove("Authorization");
        }
        else
        {
            request.Headers.Authorization = "Bearer " + token;
        }

        var response = _context.Response;
        response.Headers.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        _context.Features.Set<ValidatedClaims>(null);
        await _dispatcher.DispatchAsync(_context).ConfigureAwait(false);
        return response.StatusCode == StatusCodes.Status200OK ? 200 : throw new InvalidOperationException($"{path} answered {response.StatusCode}");
    }

    private static string Token(SecurityKey key, string algorithm, int index)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = "user-" + index,
            ["jti"] = "token-" + index,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(2).ToUnixTimeSeconds(),
            ["roles"] = new JsonArray("reader"),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(claims.ToJsonString(), new SigningCredentials(key, algorithm));
    }

    private JsonObject RsaJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA", ["kid"] = "rsa", ["use"] = "sig", ["alg"] = "RS256",
            ["n"] = Base64Url.EncodeToString(parameters.Modulus), ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
    }

    private JsonObject EcJwk()
    {
        var point = _ec.ExportParameters(includePrivateParameters: false).Q;
        return new JsonObject
        {
            ["kty"] = "EC", ["kid"] = "ec", ["use"] = "sig", ["alg"] = "ES256", ["crv"] = "P-256",
            ["x"] = Base64Url.EncodeToString(point.X), ["y"] = Base64Url.EncodeToString(point.Y),
        };
    }

    private static string Configuration(string jwks)
    {
        string Validated(string path, string algorithm) => $$$"""
            {"endpoint": "{{{path}}}/{id}", "backend": [{"url_pattern": "/users/{id}"}],
             "extra_config": {"auth/validator": {"alg": "{{{algorithm}}}", "jwk_local_path": "{{{jwks}}}", "issuer": "{{{Issuer}}}",
               "audience": ["{{{Audience}}}"], "roles": ["reader"]} } }
            """;
        return $$"""
            {"version": 3, "host": ["{{Host}}"], "endpoints": [
              {"endpoint": "/open/{id}", "backend": [{"url_pattern": "/users/{id}"}]},
              {{Validated("/rs256", "RS256")}},
              {{Validated("/es256", "ES256")}}]}
            """;
    }

    private static ServiceConfig Load(string json)
    {
        var result = ConfigLoader.Parse(json);
        return result.Config ?? throw new InvalidOperationException(string.Join('\n', result.Errors));
    }
}
