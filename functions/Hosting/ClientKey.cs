using Microsoft.AspNetCore.Http;
using Switchyard.Core.Resilience.RateLimit;
using Switchyard.Core.Security.Jwt;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// What tells one client from another for <c>client_max_rate</c>, as KrakenD reads it: the client's IP (through the
/// router's trusted proxies; with a <c>key</c>, the address a trusted proxy wrote in that header), a header's first value
/// (a JWT claim that <c>auth/validator</c> propagates to a header replaces the client's own), an endpoint parameter, or a
/// claim of the validated token. Empty when the request carries none.
/// </summary>
internal sealed class ClientKey(ClientKeyStrategy strategy, string key, ClientAddress addresses)
{
    public string Of(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> parameters) => strategy switch
    {
        ClientKeyStrategy.Ip => (key.Length > 0 ? addresses.FromHeader(context, key) : null) ?? addresses.Of(context),
        ClientKeyStrategy.Header => RequestHeaders.FirstOf(context.Request.Headers[key]) ?? "",
        ClientKeyStrategy.Jwt => Claim(context),
        _ => Parameter(parameters),
    };

    // The validator layer, outside this one, has accepted the token and left its claims on the context.
    private string Claim(HttpContext context) =>
        context.Features.Get<ValidatedClaims>()?.Claims is { } claims && ClaimPath.TryGetByNameOrPath(claims, key, out var value)
            ? ClaimText.Of(value)
            : "";

    private string Parameter(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (name == key)
            {
                return value;
            }
        }

        return "";
    }
}
