using Switchyard.Core.Configuration;

namespace Switchyard.Core.Security.Tls;

/// <summary>
/// The certificates and keys a validated configuration's <c>tls</c> and <c>client_tls</c> name, read from their PEM
/// files once at start-up (and by <c>check</c>), with every problem at the JSON path that names the file.
/// </summary>
public sealed class TlsSetup : IDisposable
{
    private TlsSetup(ServerTls? server, ClientTls? client, IReadOnlyList<ConfigProblem> errors)
    {
        Server = server;
        Client = client;
        Errors = errors;
    }

    /// <summary>The gateway's HTTPS; null when it serves plain HTTP.</summary>
    public ServerTls? Server { get; }

    /// <summary>TLS to backends; null for .NET's defaults (no <c>client_tls</c>).</summary>
    public ClientTls? Client { get; }

    /// <summary>Every file that could not be used; when there is any, nothing else is held.</summary>
    public IReadOnlyList<ConfigProblem> Errors { get; }

    /// <summary>
    /// Reads the files of <paramref name="config"/>'s <c>client_tls</c> and, when <paramref name="serveHttps"/>, of its
    /// active <c>tls</c>. Under the Azure Functions host the platform ends TLS, so the caller leaves the server side out.
    /// Relative paths start at <paramref name="baseDirectory"/>, by default the working directory (as in KrakenD).
    /// </summary>
    public static TlsSetup Load(ServiceConfig config, bool serveHttps, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new ConfigProblems();
        var files = new PemFiles(baseDirectory, problems);
        var server = serveHttps && config.Tls is { IsActive: true } tls ? ServerTls.Load(tls, files) : null;
        var client = config.ClientTls is { } clientTls ? ClientTls.Load(clientTls, files) : null;
        if (!problems.HasErrors)
        {
            return new TlsSetup(server, client, []);
        }

        server?.Dispose();
        client?.Dispose();
        return new TlsSetup(null, null, problems.Errors);
    }

    /// <summary>This setup, or an exception listing its errors: for callers that validated the files before.</summary>
    public TlsSetup OrThrow() => Errors.Count == 0
        ? this
        : throw new InvalidOperationException("The TLS files cannot be used:" + string.Concat(Errors.Select(e => "\n" + e)));

    public void Dispose()
    {
        Server?.Dispose();
        Client?.Dispose();
    }
}
