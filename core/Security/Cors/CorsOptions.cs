namespace Switchyard.Core.Security.Cors;

/// <summary>
/// The service's <c>security/cors</c> namespace: which browser origins may call the gateway, and how preflights are
/// answered. The rules are those of KrakenD's CORS layer (rs/cors 1.11).
/// </summary>
public sealed record CorsOptions
{
    /// <summary>
    /// The origins allowed to read answers (<c>allow_origins</c>), compared case-insensitively. <c>*</c> anywhere allows
    /// every origin; one <c>*</c> inside an entry is a wildcard (<c>https://*.example.com</c>).
    /// <value>The default value is empty: every origin.</value>
    /// </summary>
    public IReadOnlyList<string> AllowOrigins { get; init; } = [];

    /// <summary>
    /// The methods a cross-origin request may use (<c>allow_methods</c>), compared case-sensitively; OPTIONS always passes.
    /// <value>The default value is empty: GET, POST and HEAD.</value>
    /// </summary>
    public IReadOnlyList<string> AllowMethods { get; init; } = [];

    /// <summary>
    /// The request headers a preflight may announce (<c>allow_headers</c>), compared case-insensitively; <c>*</c> allows any.
    /// <value>The default value is empty: any header.</value>
    /// </summary>
    public IReadOnlyList<string> AllowHeaders { get; init; } = [];

    /// <summary>
    /// The response headers scripts may read (<c>expose_headers</c>), sent in Go's canonical spelling.
    /// <value>The default value is empty: none beyond the CORS-safelisted ones.</value>
    /// </summary>
    public IReadOnlyList<string> ExposeHeaders { get; init; } = [];

    /// <summary>
    /// Whether browsers may send cookies and credentials (<c>allow_credentials</c>). Requires listed origins.
    /// <value>The default value is false.</value>
    /// </summary>
    public bool AllowCredentials { get; init; }

    /// <summary>
    /// How long browsers may cache a preflight's answer (<c>max_age</c>, a Go duration such as <c>"12h"</c>), sent in
    /// whole seconds; a negative value sends 0. <value>The default value is null: no <c>Access-Control-Max-Age</c>.</value>
    /// </summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>
    /// Hand preflights on to the router after adding the CORS headers (<c>options_passthrough</c>) instead of answering
    /// them. <value>The default value is false.</value>
    /// </summary>
    public bool OptionsPassthrough { get; init; }

    /// <summary>The status of a preflight's answer (<c>options_success_status</c>). <value>The default value is 204.</value></summary>
    public int OptionsSuccessStatus { get; init; } = DefaultOptionsSuccessStatus;

    /// <summary>
    /// Let public sites call the gateway on a private network (<c>allow_private_network</c>): answer
    /// <c>Access-Control-Allow-Private-Network: true</c> to preflights that ask. <value>The default value is false.</value>
    /// </summary>
    public bool AllowPrivateNetwork { get; init; }

    /// <summary>Log every CORS decision at Debug level (<c>debug</c>). <value>The default value is false.</value></summary>
    public bool Debug { get; init; }

    /// <summary>The status of a preflight's answer when none is configured.</summary>
    public const int DefaultOptionsSuccessStatus = 204;
}
