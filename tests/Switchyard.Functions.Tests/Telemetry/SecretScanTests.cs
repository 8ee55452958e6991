using System.Net;
using System.Text.Json.Nodes;
using Switchyard.Functions.Tests.BuiltIn;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Telemetry;

/// <summary>
/// The secret scan: the security scenarios run through the real gateway — a JWT from the real authorization server in
/// the <c>Authorization</c> header and in a cookie, a forged token refused with <c>operation_debug</c>, basic-auth
/// credentials a martian modifier sets, a client-credentials backend fetching its token from the server, an API key a
/// client rate limit reads and the gateway forwards, a session cookie forwarded — while every span of every source,
/// every metric label of every meter and every log line and scope are recorded. None may hold a secret, a token or a
/// credential. The scan reads whatever spans exist, so each span added later is scanned too.
/// </summary>
public sealed class SecretScanTests
{
    private static readonly string Unique = Guid.NewGuid().ToString("N")[..8];

    private static readonly OidcClient Service = new("scan-service-" + Unique, "scan-client-secret-" + Guid.NewGuid().ToString("N"))
    {
        Scope = "orders:read",
        AccessTokenAlgorithm = "PS256",
    };

    private static readonly string BasicPassword = "basic-pa55-" + Guid.NewGuid().ToString("N");
    private static readonly string ApiKey = "api-key-" + Guid.NewGuid().ToString("N");
    private static readonly string SessionCookie = "session-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task No_span_metric_label_or_log_line_holds_a_secret_token_or_credential()
    {
        using var spans = new RecordedSpans();
        using var metrics = new RecordedMetrics(meterName: null);
        var logs = new CapturedLogs();
        await using var provider = await OidcProviderServer.StartAsync(new OidcProviderOptions { Clients = [Service] });
        await using var backend = await TestBackend.StartAsync("""{"ok": true}""");
        await using var gateway = await TestGateway.StartAsync(Config(provider, backend), logs);

        var token = await provider.GetAccessTokenAsync(Service.ClientId, Service.ClientSecret);
        var forged = token[..token.LastIndexOf('.')] + ".c2lnbmF0dXJlLW9mLWFuLWF0dGFja2Vy";
        var basic = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("svc:" + BasicPassword));

        (await SendAsync(gateway, "/scan/jwt", ("Authorization", "Bearer " + token))).Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "/scan/jwt", ("Authorization", "Bearer " + forged))).Should().Be(HttpStatusCode.Unauthorized);
        (await SendAsync(gateway, "/scan/jwt-cookie", ("Cookie", $"scan_token={token}; session={SessionCookie}"))).Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "/scan/basic")).Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "/scan/client-credentials", ("Authorization", "Bearer " + token))).Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "/scan/api-key", ("X-Api-Key", ApiKey))).Should().Be(HttpStatusCode.OK);
        (await SendAsync(gateway, "/scan/api-key", ("X-Api-Key", ApiKey))).Should().Be(HttpStatusCode.TooManyRequests);
        (await SendAsync(gateway, "/scan/cookie", ("Cookie", "session=" + SessionCookie))).Should().Be(HttpStatusCode.OK);

        // The secrets were really in flight: each reached the backend it was meant for.
        var fetchedToken = Received(backend, "/client-credentials").Headers.Authorization.ToString();
        fetchedToken.Should().StartWith("Bearer ").And.NotBe("Bearer " + token);
        Received(backend, "/basic").Headers.Authorization.ToString().Should().Be(basic);
        Received(backend, "/api-key").Headers["X-Api-Key"].ToString().Should().Be(ApiKey);
        Received(backend, "/cookie").Headers.Cookie.ToString().Should().Contain(SessionCookie);
        logs.Entries.Should().Contain(entry => entry.Message.Contains("[JWTValidator] Request refused"), "the refusal was logged");

        string[] secrets =
        [
            token, Signature(token), forged, Signature(forged), fetchedToken["Bearer ".Length..], Signature(fetchedToken),
            Service.ClientSecret, BasicPassword, basic["Basic ".Length..], ApiKey, SessionCookie,
        ];
        var recorded = new List<(string Where, string Text)>();
        recorded.AddRange(spans.All.Select(span => ("span", span)));
        recorded.AddRange(metrics.All.SelectMany(m => m.Tags.Select(tag => ("metric " + m.Instrument, $"{tag.Key}={tag.Value}"))));
        recorded.AddRange(logs.Entries.Select(entry => ("log " + entry.Category, entry.Message)));
        recorded.AddRange(logs.ScopesAndExceptions.Select(scope => ("log scope", scope)));

        spans.All.Should().NotBeEmpty("the server's spans at least are recorded");
        metrics.All.Should().NotBeEmpty();
        recorded.Where(entry => secrets.Any(secret => entry.Text.Contains(secret, StringComparison.Ordinal)))
            .Should().BeEmpty("no secret may reach a span, a metric label or a log line");
    }

    // A JWT's signature alone is as much a secret as the token: it proves the token.
    private static string Signature(string token) => token[(token.LastIndexOf('.') + 1)..];

    private static ReceivedRequest Received(TestBackend backend, string path) => backend.Received.Last(request => request.Target == path);

    private static async Task<HttpStatusCode> SendAsync(TestGateway gateway, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await gateway.Client.SendAsync(request);
        return response.StatusCode;
    }

    private static string Config(OidcProviderServer provider, TestBackend backend)
    {
        JsonObject Validator(JsonObject? extra = null)
        {
            var validator = new JsonObject
            {
                ["alg"] = "PS256",
                ["jwk_url"] = provider.JwksUri.ToString(),
                ["jwk_local_ca"] = provider.CaCertificatePath,
                ["issuer"] = provider.Issuer,
                ["audience"] = new JsonArray(provider.Options.Audience),
                ["operation_debug"] = true,
                ["propagate_claims"] = JsonNode.Parse("""[["sub", "X-User"]]"""),
            };
            foreach (var (name, value) in extra ?? [])
            {
                validator[name] = value?.DeepClone();
            }

            return validator;
        }

        JsonObject Endpoint(string name, JsonObject? endpointExtra = null, JsonObject? backendExtra = null, params string[] inputHeaders)
        {
            var backendObject = new JsonObject { ["host"] = new JsonArray(backend.Host), ["url_pattern"] = "/" + name };
            if (backendExtra is not null)
            {
                backendObject["extra_config"] = backendExtra;
            }

            var endpoint = new JsonObject
            {
                ["endpoint"] = "/scan/" + name,
                ["input_headers"] = new JsonArray([.. inputHeaders.Select(header => (JsonNode)header)]),
                ["backend"] = new JsonArray(backendObject),
            };
            if (endpointExtra is not null)
            {
                endpoint["extra_config"] = endpointExtra;
            }

            return endpoint;
        }

        var credentials = new JsonObject
        {
            ["client_id"] = Service.ClientId,
            ["client_secret"] = Service.ClientSecret,
            ["token_url"] = provider.TokenEndpoint.ToString(),
            ["scopes"] = Service.Scope,
        };
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("svc:" + BasicPassword));
        return new JsonObject
        {
            ["version"] = 3,
            ["client_tls"] = new JsonObject { ["ca_certs"] = new JsonArray(provider.CaCertificatePath) },
            ["endpoints"] = new JsonArray(
                Endpoint("jwt", new JsonObject { ["auth/validator"] = Validator() }, null, "X-User", "Authorization"),
                Endpoint("jwt-cookie", new JsonObject { ["auth/validator"] = Validator(new JsonObject { ["cookie_key"] = "scan_token" }) }, null, "X-User"),
                Endpoint("basic", null, new JsonObject
                {
                    ["modifier/martian"] = new JsonObject
                    {
                        ["header.Modifier"] = new JsonObject { ["scope"] = new JsonArray("request"), ["name"] = "Authorization", ["value"] = "Basic " + basic },
                    },
                }),
                Endpoint("client-credentials", null, new JsonObject { ["auth/client-credentials"] = credentials }, "Authorization"),
                Endpoint("api-key", new JsonObject
                {
                    ["qos/ratelimit/router"] = new JsonObject { ["client_max_rate"] = 1, ["client_capacity"] = 1, ["strategy"] = "header", ["key"] = "X-Api-Key" },
                }, null, "X-Api-Key"),
                Endpoint("cookie", null, null, "Cookie")),
        }.ToJsonString();
    }
}
