using System.Text.Json.Nodes;
using Switchyard.Functions.Tests.BuiltIn;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security.ClientCredentials;

/// <summary>
/// The real authorization server (HTTPS from a private CA), a <see cref="TokenRelay"/> in front of it that counts token
/// requests, a backend that records what reaches it, and a gateway on a clock the tests move, one endpoint per case,
/// each with its own backend definition and so its own token.
/// </summary>
public sealed class ClientCredentialsGatewayFixture : IAsyncLifetime
{
    /// <summary>A client that authenticates with HTTP Basic.</summary>
    public static readonly OidcClient Inventory = new("inventory-service", "inventory-secret-3f9a")
    {
        Scope = "inventory:read inventory:write",
        AccessTokenLifetime = TimeSpan.FromMinutes(1),
    };

    /// <summary>A client that the relay's <c>post-only/</c> paths accept only with its secret in the form body.</summary>
    public static readonly OidcClient Ledger = new("ledger-job", "ledger-secret-77c1")
    {
        Scope = "ledger:read",
        AccessTokenLifetime = TimeSpan.FromMinutes(1),
        SecretInBody = true,
    };

    /// <summary>A secret the server does not know: its token requests fail.</summary>
    public const string WrongSecret = "wrong-secret-5d2e-never-log-me";

    private OidcProviderServer? _provider;
    private TokenRelay? _relay;
    private TestBackend? _backend;
    private TestGateway? _gateway;

    public OidcProviderServer Provider => _provider ?? throw new InvalidOperationException("not started");

    internal TokenRelay Relay => _relay ?? throw new InvalidOperationException("not started");

    public TestBackend Backend => _backend ?? throw new InvalidOperationException("not started");

    internal TestGateway Gateway => _gateway ?? throw new InvalidOperationException("not started");

    /// <summary>The gateway's clock.</summary>
    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    internal CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _provider = await OidcProviderServer.StartAsync(new OidcProviderOptions { Clients = [Inventory, Ledger] });
        _relay = await TokenRelay.StartAsync(_provider);
        _backend = await TestBackend.StartAsync("""{"ok": true}""");
        _gateway = await TestGateway.StartAsync(Config(), Clock, Logs);
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in new IAsyncDisposable?[] { _gateway, _backend, _relay, _provider })
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    /// <summary>What reached the backend at <paramref name="path"/>.</summary>
    public ReceivedRequest[] ReceivedAt(string path) => [.. Backend.Received.Where(request => request.Target == path)];

    private string Config()
    {
        JsonObject[] endpoints =
        [
            Endpoint("many", Credentials(Inventory, Relay.Url("many")), forwardAuthorization: true),
            Endpoint("expiry", Credentials(Inventory, Relay.Url("expiry"))),
            Endpoint("burst", Credentials(Inventory, Relay.Url("burst"))),
            Endpoint("body-style", Credentials(Ledger, Relay.Url("post-only/body-style"))),
            Endpoint("broken", Credentials(Inventory with { ClientSecret = WrongSecret }, Relay.Url("broken"))),
            Endpoint("broken-burst", Credentials(Inventory, Relay.Url("slow-refusal/broken-burst"))),
            Endpoint("direct", Credentials(Inventory, Provider.TokenEndpoint.ToString())),
        ];
        return new JsonObject
        {
            ["version"] = 3,
            ["client_tls"] = new JsonObject { ["ca_certs"] = new JsonArray(Provider.CaCertificatePath) },
            ["extra_config"] = new JsonObject { ["router"] = new JsonObject { ["return_error_msg"] = true } },
            ["endpoints"] = new JsonArray(endpoints),
        }.ToJsonString();
    }

    private static JsonObject Credentials(OidcClient client, string tokenUrl) => new()
    {
        ["client_id"] = client.ClientId,
        ["client_secret"] = client.ClientSecret,
        ["token_url"] = tokenUrl,
        ["scopes"] = client.Scope.Replace(' ', ','),
    };

    private JsonObject Endpoint(string name, JsonObject credentials, bool forwardAuthorization = false)
    {
        var endpoint = new JsonObject
        {
            ["endpoint"] = "/" + name,
            ["backend"] = new JsonArray(new JsonObject
            {
                ["host"] = new JsonArray(Backend.Host),
                ["url_pattern"] = "/" + name,
                ["extra_config"] = new JsonObject { ["auth/client-credentials"] = credentials },
            }),
        };
        if (forwardAuthorization)
        {
            endpoint["input_headers"] = new JsonArray("Authorization");
        }

        return endpoint;
    }
}
