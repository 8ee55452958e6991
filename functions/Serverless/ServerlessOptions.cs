using Switchyard.Functions.Hosting;

namespace Switchyard.Functions.Serverless;

/// <summary>Whether the gateway runs as an Azure Functions custom handler, decided once at start-up.</summary>
internal sealed record ServerlessOptions
{
    /// <summary>
    /// True under the Functions host: agents fed by a trigger take their messages from <c>POST /{function}</c>
    /// instead of a broker connection, and <c>GET /</c> answers the host's readiness probe.
    /// <value>The default value is false.</value>
    /// </summary>
    public bool UnderFunctionsHost { get; init; }

    /// <summary>Standalone: no Functions host.</summary>
    public static ServerlessOptions Standalone { get; } = new();

    /// <summary>Under the host when it set <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> (it always does for a custom handler).</summary>
    public static ServerlessOptions FromEnvironment() => new()
    {
        UnderFunctionsHost = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ListenAddress.FunctionsPortVariable)),
    };
}
