namespace Switchyard.Functions.Hosting;

/// <summary>What a route of the gateway leads to, and who calls it.</summary>
/// <param name="Handler">The handler that serves the route.</param>
/// <param name="CalledByPlatform">
/// True for the routes the platform calls rather than clients: the health endpoint (probes) and the Functions host's
/// invocations. <c>security/http</c> and the service's bot detector skip them, as KrakenD registers its health endpoint
/// before those layers: a host rule or a bot rule must never make the platform think the gateway is down, or stop the
/// host from delivering messages.
/// </param>
internal sealed record GatewayRoute(RouteHandler Handler, bool CalledByPlatform = false)
{
    /// <summary>
    /// The route's pattern as registered (<c>/users/{id}</c>, <c>/__debug/*</c>): what names its requests in traces and
    /// metrics, never the raw path, whose values would make every request a new name. Set when the table is built.
    /// </summary>
    public string Pattern { get; init; } = "";
}
