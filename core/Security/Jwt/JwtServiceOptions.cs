namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// The service-level <c>auth/validator</c> block, which KrakenD reads only for <c>shared_cache_duration</c>: a second
/// cache of keys by key id, shared by every URL.
/// </summary>
/// <remarks>
/// Switchyard already shares one cache per <c>jwk_url</c> across endpoints and never lets a key downloaded from one URL
/// validate a token meant for another (KrakenD's shared cache does, by key id alone), so the value is accepted and has
/// no further effect.
/// </remarks>
public sealed record JwtServiceOptions
{
    /// <summary><c>shared_cache_duration</c> (seconds in the file). <value>The default value is 15 minutes.</value></summary>
    public TimeSpan SharedCacheDuration { get; init; } = JwtValidatorOptions.DefaultCacheDuration;
}
