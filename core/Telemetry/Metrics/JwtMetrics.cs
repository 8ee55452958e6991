using System.Diagnostics.Metrics;
using Switchyard.Core.Security.Jwt;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// <c>switchyard.jwt.rejections</c>: requests an endpoint's <c>auth/validator</c> refused, labelled by
/// <c>switchyard.jwt.reason</c> (<see cref="JwtRejection"/> in snake case: <c>missing_token</c>, <c>bad_signature</c>,
/// <c>expired</c>, <c>issuer</c>, <c>audience</c>, <c>roles</c>, <c>scopes</c>...), the answered
/// <c>http.response.status_code</c> (401 or 403) and the endpoint (<c>http.request.method</c>, <c>http.route</c>).
/// Never the token nor a claim.
/// </summary>
public sealed class JwtMetrics
{
    private static readonly Counter<long> Rejections = GatewayMetrics.Meter.CreateCounter<long>(
        "switchyard.jwt.rejections", "{request}", "Requests refused for their token, by reason.");

    private static readonly string[] Reasons = [.. Enum.GetValues<JwtRejection>().Select(SnakeCase)];

    private readonly KeyValuePair<string, object?>[] _tags;

    /// <summary>The metrics of the endpoint <paramref name="method"/> <paramref name="endpoint"/>.</summary>
    public JwtMetrics(string method, string endpoint) =>
        _tags = [new("http.request.method", method), new("http.route", MetricRoute.OfEndpoint(endpoint))];

    /// <summary>One request refused for <paramref name="result"/>.</summary>
    public void Rejected(JwtValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Rejections.Enabled)
        {
            var status = result.Outcome == JwtOutcome.Forbidden ? 403 : 401;
            Rejections.Add(1, [.. _tags, new("switchyard.jwt.reason", Reasons[(int)result.Rejection]), new("http.response.status_code", status)]);
        }
    }

    private static string SnakeCase(JwtRejection rejection) =>
        string.Concat(rejection.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
