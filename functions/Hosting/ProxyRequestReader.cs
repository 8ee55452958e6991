using Microsoft.AspNetCore.Http;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// Reads a client request into the pipeline's <see cref="ProxyRequest"/>: the endpoint's header and query filters,
/// the forwarding headers KrakenD adds, the route parameters (first letter upper-cased), the buffered body and the
/// claims of a validated token (<see cref="ValidatedClaims"/>).
/// </summary>
internal sealed class ProxyRequestReader(EndpointConfig endpoint, ClientAddress clientAddress)
{
    private readonly NameFilter _headers = NameFilter.EndpointHeaders(endpoint.InputHeaders);
    private readonly NameFilter _query = NameFilter.EndpointQuery(endpoint.InputQueryStrings);

    // The default forwards no query at all: skip parsing it.
    private readonly bool _forwardsQuery = endpoint.InputQueryStrings.Count > 0;

    public ProxyRequest Create(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> routeValues, ReadOnlyMemory<byte> body)
    {
        var request = context.Request;
        return new ProxyRequest
        {
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            Params = Params(routeValues),
            Headers = Headers(context),
            Query = Query(request.QueryString),
            Body = body,
            Claims = context.Features.Get<ValidatedClaims>()?.Claims,
            ClientAborted = context.RequestAborted,
        };
    }

    private static IReadOnlyDictionary<string, string> Params(IReadOnlyList<KeyValuePair<string, string>> routeValues)
    {
        if (routeValues.Count == 0)
        {
            return ProxyRequest.NoParams;
        }

        var parameters = new Dictionary<string, string>(routeValues.Count);
        foreach (var (name, value) in routeValues)
        {
            parameters[UrlTemplate.ParamKey(name)] = value;
        }

        return parameters;
    }

    private Dictionary<string, string[]> Headers(HttpContext context)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            // Go keeps Host out of the header map; the backend gets its own Host.
            if (_headers.Allows(name) && !name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                headers[name] = values.ToArray()!;
            }
        }

        headers["X-Forwarded-For"] = [clientAddress.Of(context)];
        headers["X-Forwarded-Host"] = [context.Request.Host.Value ?? ""];
        if (headers.ContainsKey("User-Agent"))
        {
            headers["X-Forwarded-Via"] = [GatewayIdentity.UserAgent];
        }
        else
        {
            headers["User-Agent"] = [GatewayIdentity.UserAgent];
        }

        return headers;
    }

    // ASP.NET Core's query collection folds names case-insensitively ("A" and "a" become one key), but query names
    // are case-sensitive for KrakenD: the raw query is parsed as Go parses it.
    private IReadOnlyDictionary<string, string[]> Query(QueryString queryString)
    {
        if (!_forwardsQuery || !queryString.HasValue || queryString.Value!.Length <= 1)
        {
            return ProxyRequest.NoValues;
        }

        var kept = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in GoQuery.Parse(queryString.Value[1..]))
        {
            if (_query.Allows(name))
            {
                kept[name] = [.. values];
            }
        }

        return kept;
    }
}
