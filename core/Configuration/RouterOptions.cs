using System.Text.Json.Nodes;

namespace Switchyard.Core.Configuration;

/// <summary>The served keys of the root <c>router</c> namespace.</summary>
public sealed record RouterOptions
{
    // One shared list, so options that keep the default compare equal.
    private static readonly IReadOnlyList<string> DefaultRemoteIpHeaders = ["X-Forwarded-For", "X-Real-IP"];

    /// <summary>Write the error text as the body of failed responses. <value>The default value is false.</value></summary>
    public bool ReturnErrorMessage { get; init; }

    /// <summary>Do not serve the health endpoint. <value>The default value is false.</value></summary>
    public bool DisableHealth { get; init; }

    /// <summary>Where the health endpoint is served. <value>The default value is <c>/__health</c>.</value></summary>
    public string HealthPath { get; init; } = "/__health";

    /// <summary>Accept percent-encoded values in path parameters. <value>The default value is false.</value></summary>
    public bool DisablePathDecoding { get; init; }

    /// <summary>
    /// Take the client's IP from <see cref="RemoteIpHeaders"/> when the connection comes from a trusted proxy.
    /// <value>The default value is true, as gin's.</value>
    /// </summary>
    public bool ForwardedByClientIp { get; init; } = true;

    /// <summary>
    /// The headers that carry the client's IP, tried in order.
    /// <value>The default value is <c>X-Forwarded-For</c>, then <c>X-Real-IP</c>.</value>
    /// </summary>
    public IReadOnlyList<string> RemoteIpHeaders { get; init; } = DefaultRemoteIpHeaders;

    /// <summary>
    /// The proxies (IP addresses or CIDR ranges) whose forwarding headers are believed.
    /// <value>The default value is empty: every address is trusted, as gin's default.</value>
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>Believe <c>X-Appengine-Remote-Addr</c> before anything else. <value>The default value is false.</value></summary>
    public bool AppEngine { get; init; }

    /// <summary>
    /// Answer <c>OPTIONS</c> on every endpoint's path with 200 and an <c>Allow</c> header listing its methods.
    /// <value>The default value is false.</value>
    /// </summary>
    public bool AutoOptions { get; init; }

    /// <summary>The JSON answered with a 404 instead of gin's text (<c>error_body["404"]</c>), or null.</summary>
    public JsonNode? NotFoundBody { get; init; }

    /// <summary>The JSON answered with a 405 instead of gin's text (<c>error_body["405"]</c>), or null.</summary>
    public JsonNode? MethodNotAllowedBody { get; init; }

    /// <summary>Do not redirect <c>/a/</c> to <c>/a</c> or the reverse. <value>The default value is false.</value></summary>
    public bool DisableRedirectTrailingSlash { get; init; }

    /// <summary>Do not redirect to the route that matches ignoring case and extra path elements. <value>The default value is false.</value></summary>
    public bool DisableRedirectFixedPath { get; init; }

    /// <summary>Answer 404 instead of 405 when another method has the path. <value>The default value is false.</value></summary>
    public bool DisableHandleMethodNotAllowed { get; init; }

    /// <summary>Clean repeated slashes (and <c>.</c>, <c>..</c>) from paths before routing. <value>The default value is false.</value></summary>
    public bool RemoveExtraSlash { get; init; }
}
