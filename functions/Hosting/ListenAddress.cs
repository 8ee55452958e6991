using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Hosting;

/// <summary>Where Kestrel listens.</summary>
internal static class ListenAddress
{
    /// <summary>Set by the Azure Functions host for a custom handler: the port it forwards invocations to.</summary>
    public const string FunctionsPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>
    /// An explicit <c>--port</c> wins; under the Functions host the handler listens on loopback at the port the host
    /// chose; otherwise the configuration's <c>port</c>. Outside the Functions host the address is the configuration's
    /// <c>listen_ip</c>, or every interface when it is empty, as KrakenD does, and the scheme is <c>https</c> when
    /// <c>tls</c> is active (never plain HTTP then). Under the Functions host the platform's front end ends TLS and
    /// proxies plain HTTP to the handler on loopback, so <c>tls</c> does not apply there.
    /// </summary>
    public static string Choose(ServiceConfig config, int? port) =>
        Choose(config, port, Environment.GetEnvironmentVariable(FunctionsPortVariable));

    /// <param name="config">A validated configuration.</param>
    /// <param name="port">The <c>--port</c> option, when given.</param>
    /// <param name="functionsPort">The value of <see cref="FunctionsPortVariable"/>, when set.</param>
    public static string Choose(ServiceConfig config, int? port, string? functionsPort)
    {
        if (port is null && int.TryParse(functionsPort, out var hostPort))
        {
            return $"http://127.0.0.1:{hostPort}";
        }

        var scheme = config.Tls is { IsActive: true } ? "https" : "http";
        return $"{scheme}://{Host(config.ListenIp)}:{port ?? config.Port}";
    }

    // The validator accepts only bare addresses, so a colon means IPv6, which a URL writes in brackets.
    private static string Host(string listenIp) => listenIp switch
    {
        "" => "*",
        _ when listenIp.Contains(':', StringComparison.Ordinal) => $"[{listenIp}]",
        _ => listenIp,
    };
}
