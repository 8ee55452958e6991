using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Testing;

/// <summary>
/// A real OpenID Connect / OAuth 2.0 authorization server (<c>infra/oidc/server.mjs</c>, the npm package
/// oidc-provider) on a free loopback port, with its own signing keys and, by default, HTTPS from a private CA. It
/// issues JWT access tokens (RFC 9068) through the client credentials grant and publishes its keys at
/// <see cref="JwksUri"/>. Start one with <see cref="StartAsync"/> (per test class: from a class fixture) and dispose
/// it to kill the process and delete its files. It never skips: when node or the npm modules are missing, or the
/// server does not become ready, <see cref="StartAsync"/> throws with the server's output.
/// </summary>
public sealed class OidcProviderServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _directory;
    private readonly OidcProviderProcess _process;
    private readonly LoopbackCertificateAuthority? _authority;
    private readonly HttpClient _http;

    private OidcProviderServer(
        OidcProviderOptions options,
        DirectoryInfo directory,
        OidcProviderProcess process,
        LoopbackCertificateAuthority? authority,
        IReadOnlyList<OidcSigningKey> keys,
        string issuer)
    {
        Options = options;
        _directory = directory;
        _process = process;
        _authority = authority;
        SigningKeys = keys;
        Issuer = issuer;
        _http = new HttpClient(authority is null ? new SocketsHttpHandler() : CustomRootTrust.Handler(authority.Certificate));
    }

    /// <summary>What the server was started with.</summary>
    public OidcProviderOptions Options { get; }

    /// <summary>The issuer identifier, exactly as in the tokens' <c>iss</c>: <c>https://127.0.0.1:PORT</c>.</summary>
    public string Issuer { get; }

    /// <summary>The JWKS URL, from the discovery document.</summary>
    public Uri JwksUri { get; private set; } = null!;

    /// <summary>The token endpoint, from the discovery document.</summary>
    public Uri TokenEndpoint { get; private set; } = null!;

    /// <summary>The PEM file of the CA that issued the server certificate, or null without TLS.</summary>
    public string? CaCertificatePath { get; private set; }

    /// <summary>The CA certificate, or null without TLS.</summary>
    public X509Certificate2? CaCertificate => _authority?.Certificate;

    /// <summary>The signing keys (private parts included), in <see cref="OidcProviderOptions.Keys"/> order.</summary>
    public IReadOnlyList<OidcSigningKey> SigningKeys { get; }

    /// <summary>What the server wrote to stderr so far, for messages of failing tests.</summary>
    public string Log => _process.Log;

    /// <summary>The signing key whose <c>kid</c> is <paramref name="keyId"/>.</summary>
    public OidcSigningKey SigningKey(string keyId) =>
        SigningKeys.FirstOrDefault(key => key.KeyId == keyId) ?? throw new KeyNotFoundException($"No signing key {keyId}.");

    /// <summary>Generates keys (and certificates), starts the server and reads its discovery document.</summary>
    public static async Task<OidcProviderServer> StartAsync(OidcProviderOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Keys.Count == 0)
        {
            throw new ArgumentException("The server needs at least one signing key.", nameof(options));
        }

        var directory = Directory.CreateTempSubdirectory("switchyard-oidc-");
        var keys = options.Keys.Select(spec => OidcSigningKey.Create(spec.KeyId, spec.Type)).ToList();
        var authority = options.UseTls ? LoopbackCertificateAuthority.Create() : null;
        OidcProviderServer? server = null;
        try
        {
            var port = ClosedPort.Number();
            var issuer = $"{(authority is null ? "http" : "https")}://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
            var tls = authority is null ? null : WriteTlsFiles(directory, authority);
            var optionsPath = Path.Combine(directory.FullName, "options.json");
            await File.WriteAllTextAsync(
                    optionsPath, OidcProviderSettings.Json(options, port, issuer, keys, tls is { } files ? (files.Certificate, files.Key) : null).ToJsonString(), cancellationToken)
                .ConfigureAwait(false);

            var process = await OidcProviderProcess.StartAsync(optionsPath, ReadyTimeout, cancellationToken).ConfigureAwait(false);
            server = new OidcProviderServer(options, directory, process, authority, keys, issuer)
            {
                CaCertificatePath = tls?.Ca,
            };
            await server.DiscoverAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                Release(directory, authority, keys);
            }

            throw;
        }
    }

    /// <summary>
    /// A client credentials token request, as is: the response, whatever its status. The client authenticates with
    /// HTTP Basic unless it is registered with <see cref="OidcClient.SecretInBody"/>.
    /// </summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(
        string clientId, string clientSecret, string? scope = null, CancellationToken cancellationToken = default)
    {
        var registered = Options.Clients.FirstOrDefault(client => client.ClientId == clientId);
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if ((scope ?? registered?.Scope) is { Length: > 0 } requested)
        {
            form.Add(new("scope", requested));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint);
        if (registered?.SecretInBody == true)
        {
            form.Add(new("client_id", clientId));
            form.Add(new("client_secret", clientSecret));
        }
        else
        {
            // RFC 6749 section 2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
            var credentials = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials)));
        }

        request.Content = new FormUrlEncodedContent(form);
        return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A real client credentials request; returns the <c>access_token</c>. Without <paramref name="scope"/> a
    /// registered client asks for all of its <see cref="OidcClient.Scope"/>. Throws when the server refuses.
    /// </summary>
    public async Task<string> GetAccessTokenAsync(
        string clientId, string clientSecret, string? scope = null, CancellationToken cancellationToken = default)
    {
        using var response = await RequestTokenAsync(clientId, clientSecret, scope, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"The token endpoint answered {(int)response.StatusCode}: {body}\nServer log:\n{Log}", null, response.StatusCode);
        }

        return JsonNode.Parse(body)?["access_token"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"The token response has no access_token: {body}");
    }

    /// <summary>Kills the server, deletes its files and disposes its keys.</summary>
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync().ConfigureAwait(false);
        Release(_directory, _authority, SigningKeys);
    }

    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        var discovery = await _http.GetFromJsonAsync<JsonElement>(
            new Uri($"{Issuer}/.well-known/openid-configuration"), cancellationToken).ConfigureAwait(false);
        JwksUri = new Uri(discovery.GetProperty("jwks_uri").GetString()!);
        TokenEndpoint = new Uri(discovery.GetProperty("token_endpoint").GetString()!);
    }

    /// <summary>Writes the CA certificate, the server certificate and its key as PEM files; returns their paths.</summary>
    private static (string Ca, string Certificate, string Key)? WriteTlsFiles(DirectoryInfo directory, LoopbackCertificateAuthority authority)
    {
        var files = (Ca: Path.Combine(directory.FullName, "ca.pem"), Certificate: Path.Combine(directory.FullName, "server.pem"),
            Key: Path.Combine(directory.FullName, "server-key.pem"));
        File.WriteAllText(files.Ca, authority.CertificatePem());
        File.WriteAllText(files.Certificate, authority.ServerCertificatePem());
        File.WriteAllText(files.Key, authority.ServerKeyPem());
        return files;
    }

    private static void Release(DirectoryInfo directory, LoopbackCertificateAuthority? authority, IEnumerable<OidcSigningKey> keys)
    {
        foreach (var key in keys)
        {
            key.Dispose();
        }

        authority?.Dispose();
        directory.Delete(recursive: true);
    }
}
