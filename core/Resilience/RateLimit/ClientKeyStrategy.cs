namespace Switchyard.Core.Resilience.RateLimit;

/// <summary>What tells clients apart for <c>client_max_rate</c> (<c>strategy</c>, case-insensitive).</summary>
public enum ClientKeyStrategy
{
    /// <summary>The client's IP address (<c>ip</c>), or the address in the header named by <c>key</c>.</summary>
    Ip,

    /// <summary>The value of the header named by <c>key</c> (<c>header</c>); a propagated JWT claim is one.</summary>
    Header,

    /// <summary>The value of the endpoint parameter named by <c>key</c> (<c>param</c>).</summary>
    Param,

    /// <summary>
    /// The claim named by <c>key</c> (a name, or a dotted path through nested objects, as <c>{JWT.claim}</c> reads it) of
    /// the token <c>auth/validator</c> accepted (<c>jwt</c>; Switchyard's own: KrakenD keys by a claim only through
    /// <c>propagate_claims</c> and strategy <c>header</c>, which works here too).
    /// </summary>
    Jwt,
}
