using System.Globalization;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Security.Cors;

/// <summary>
/// Decides the CORS headers of one answer, with rs/cors 1.11's rules (KrakenD's CORS layer). It never rejects a
/// request: a disallowed origin simply gets no <c>Access-Control-Allow-*</c> headers, and the browser keeps the answer
/// from the page. Built once from <see cref="CorsOptions"/>; thread-safe.
/// </summary>
public sealed class CorsPolicy
{
    private const string Vary = "Vary";
    private const string AllowOrigin = "Access-Control-Allow-Origin";
    private const string AllowMethods = "Access-Control-Allow-Methods";
    private const string AllowHeaders = "Access-Control-Allow-Headers";
    private const string AllowCredentials = "Access-Control-Allow-Credentials";
    private const string AllowPrivateNetwork = "Access-Control-Allow-Private-Network";
    private const string ExposeHeaders = "Access-Control-Expose-Headers";
    private const string MaxAge = "Access-Control-Max-Age";
    private const string True = "true";

    private static readonly string[] SimpleMethods = ["GET", "POST", "HEAD"];

    private static readonly CorsAnswer ActualWithoutOrigin = Bare(CorsOutcome.NoOrigin, "Origin");
    private static readonly CorsAnswer ActualOriginNotAllowed = Bare(CorsOutcome.OriginNotAllowed, "Origin");
    private static readonly CorsAnswer ActualMethodNotAllowed = Bare(CorsOutcome.MethodNotAllowed, "Origin");

    private readonly CorsOrigins _origins;
    private readonly CorsHeaderNames _headers;
    private readonly HashSet<string> _methods;
    private readonly bool _allowCredentials;
    private readonly bool _allowPrivateNetwork;
    private readonly string? _exposeHeaders;
    private readonly string? _maxAge;
    private readonly string _preflightVary;
    private readonly CorsAnswer? _actualToAnyOrigin;

    /// <summary>Builds the policy of <paramref name="options"/>, a validated configuration.</summary>
    public CorsPolicy(CorsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _origins = new CorsOrigins(options.AllowOrigins);
        _headers = new CorsHeaderNames(options.AllowHeaders);
        _methods = new HashSet<string>(options.AllowMethods.Count == 0 ? SimpleMethods : options.AllowMethods, StringComparer.Ordinal);
        _allowCredentials = options.AllowCredentials;
        _allowPrivateNetwork = options.AllowPrivateNetwork;
        _exposeHeaders = options.ExposeHeaders.Count == 0 ? null : string.Join(", ", options.ExposeHeaders.Select(HeaderNames.Canonical));
        _maxAge = MaxAgeValue(options.MaxAge);
        _preflightVary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
            + (_allowPrivateNetwork ? ", Access-Control-Request-Private-Network" : "");
        PreflightStatus = options.OptionsSuccessStatus;
        Passthrough = options.OptionsPassthrough;
        Debug = options.Debug;

        // With every origin allowed, the answer to an allowed actual request never changes: build it once.
        if (_origins.AllowsAll)
        {
            _actualToAnyOrigin = new CorsAnswer(CorsOutcome.Allowed, ActualHeaders(CorsOrigins.Wildcard));
        }
    }

    /// <summary>The status of a preflight the gateway answers itself (<c>options_success_status</c>).</summary>
    public int PreflightStatus { get; }

    /// <summary>True when preflights go on to the router after their headers are added (<c>options_passthrough</c>).</summary>
    public bool Passthrough { get; }

    /// <summary>True when every decision is logged at Debug level.</summary>
    public bool Debug { get; }

    /// <summary>The headers of the answer to <paramref name="request"/>, a preflight or an actual request.</summary>
    public CorsAnswer Decide(in CorsRequest request) => request.IsPreflight ? Preflight(request) : Actual(request);

    private CorsAnswer Preflight(in CorsRequest request)
    {
        if (string.IsNullOrEmpty(request.Origin))
        {
            return Bare(CorsOutcome.NoOrigin, _preflightVary);
        }

        if (!_origins.Allows(request.Origin))
        {
            return Bare(CorsOutcome.OriginNotAllowed, _preflightVary);
        }

        var method = request.RequestMethod!;
        if (!IsMethodAllowed(method))
        {
            return Bare(CorsOutcome.MethodNotAllowed, _preflightVary);
        }

        var requested = request.RequestHeaders;
        if (requested is not null && !_headers.Accepts(requested))
        {
            return Bare(CorsOutcome.HeadersNotAllowed, _preflightVary);
        }

        var headers = new List<KeyValuePair<string, string>>(8)
        {
            new(Vary, _preflightVary),
            new(AllowOrigin, _origins.AllowsAll ? CorsOrigins.Wildcard : request.Origin),
            new(AllowMethods, method),
        };

        // The requested list is echoed as sent (every line of it), which is all the browser needs to know.
        if (requested is { Count: > 0 } && requested[0].Length > 0)
        {
            headers.AddRange(requested.Select(line => new KeyValuePair<string, string>(AllowHeaders, line)));
        }

        if (_allowCredentials)
        {
            headers.Add(new(AllowCredentials, True));
        }

        if (_allowPrivateNetwork && request.RequestPrivateNetwork == True)
        {
            headers.Add(new(AllowPrivateNetwork, True));
        }

        if (_maxAge is not null)
        {
            headers.Add(new(MaxAge, _maxAge));
        }

        return new CorsAnswer(CorsOutcome.Allowed, headers);
    }

    private CorsAnswer Actual(in CorsRequest request)
    {
        if (string.IsNullOrEmpty(request.Origin))
        {
            return ActualWithoutOrigin;
        }

        if (!_origins.Allows(request.Origin))
        {
            return ActualOriginNotAllowed;
        }

        // The standard has no way to refuse a simple method; rs/cors withholds the headers from methods not listed.
        if (!IsMethodAllowed(request.Method))
        {
            return ActualMethodNotAllowed;
        }

        return _actualToAnyOrigin ?? new CorsAnswer(CorsOutcome.Allowed, ActualHeaders(request.Origin));
    }

    private List<KeyValuePair<string, string>> ActualHeaders(string allowOrigin)
    {
        var headers = new List<KeyValuePair<string, string>>(4) { new(Vary, "Origin"), new(AllowOrigin, allowOrigin) };
        if (_exposeHeaders is not null)
        {
            headers.Add(new(ExposeHeaders, _exposeHeaders));
        }

        if (_allowCredentials)
        {
            headers.Add(new(AllowCredentials, True));
        }

        return headers;
    }

    // Whole seconds, truncated as Go's int(d.Seconds()) does; under a second is no header, a negative age sends 0.
    private static string? MaxAgeValue(TimeSpan? maxAge)
    {
        var seconds = (long)(maxAge?.TotalSeconds ?? 0);
        return seconds switch
        {
            > 0 => seconds.ToString(CultureInfo.InvariantCulture),
            < 0 => "0",
            _ => null,
        };
    }

    private bool IsMethodAllowed(string method) => method == "OPTIONS" || _methods.Contains(method);

    private static CorsAnswer Bare(CorsOutcome outcome, string vary) => new(outcome, [new(Vary, vary)]);
}
