using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Hosting;

/// <summary>Where Kestrel listens.</summary>
internal static class ListenAddress
{
    /// <summary>Set by the Azure Functions host for a custom handler: the port it forwards invocations to.</summary>
    public const string FunctionsPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>
    /// An explicit <c>--port</c> wins; under the Functions host the handler listens on loopback at the port the host
    /// chose; otherwise the configuration's <c>port</c> on every interface, as KrakenD does.
    /// </summary>
    public static string Choose(ServiceConfig config, int? port)
    {
        if (port is { } explicitPort)
        {
            return $"http://*:{explicitPort}";
        }

        if (int.TryParse(Environment.GetEnvironmentVariable(FunctionsPortVariable), out var functionsPort))
        {
            return $"http://127.0.0.1:{functionsPort}";
        }

        return $"http://*:{config.Port}";
    }
}
