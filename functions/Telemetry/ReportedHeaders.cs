using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Switchyard.Core.Configuration;
using Switchyard.Core.Telemetry;

namespace Switchyard.Functions.Telemetry;

/// <summary>
/// The headers a span may carry with <c>report_headers</c> (<c>http.request.header.*</c>, <c>http.response.header.*</c>):
/// every header except those <c>skip_headers</c> names and, whatever the file says, those that carry credentials
/// (<see cref="SensitiveHeaders"/>, a JWT validator's <c>auth_header_name</c>): a trace store is read by many more
/// people than the gateway's secrets are meant for.
/// </summary>
internal sealed class ReportedHeaders
{
    private readonly HashSet<string> _skipped;

    public ReportedHeaders(ServiceConfig config, IEnumerable<string> skipHeaders)
    {
        _skipped = new HashSet<string>(skipHeaders, StringComparer.OrdinalIgnoreCase);
        foreach (var name in TokenHeaders(config))
        {
            _skipped.Add(name);
        }
    }

    /// <summary>Puts <paramref name="headers"/> on <paramref name="span"/> as <c>{prefix}{lower-case name}</c> string arrays.</summary>
    public void Report(Activity span, string prefix, IHeaderDictionary headers)
    {
        foreach (var (name, values) in headers)
        {
            if (!SensitiveHeaders.Contains(name) && !_skipped.Contains(name))
            {
                span.SetTag(prefix + name.ToLowerInvariant(), values.ToArray());
            }
        }
    }

    private static IEnumerable<string> TokenHeaders(ServiceConfig config)
    {
        foreach (var endpoint in config.Endpoints)
        {
            if (endpoint.JwtValidator is { } validator)
            {
                yield return validator.AuthHeaderName;
            }
        }
    }
}
