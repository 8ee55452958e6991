using Switchyard.Core.Configuration;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// Turns the endpoint's request into the backend's: the backend's second header and query filters, its method,
/// and its path from <c>url_pattern</c> with the client's allowed query appended (keys sorted). Runs before the
/// concurrent calls, so every racing call shares the same path; the host is picked later, per call.
/// </summary>
internal static class BackendRequestProxy
{
    public static Proxy Create(BackendConfig backend, UrlTemplate template, Proxy next)
    {
        var headerFilter = NameFilter.BackendHeaders(backend.InputHeaders);
        var queryFilter = NameFilter.BackendQuery(backend.InputQueryStrings);
        var method = backend.Method;

        return (request, cancellationToken) =>
        {
            var query = queryFilter?.Apply(request.Query, StringComparer.Ordinal) ?? request.Query;
            var headers = headerFilter?.Apply(request.Headers, StringComparer.OrdinalIgnoreCase) ?? request.Headers;
            var path = QueryString.Append(template.Expand(request), query);
            return next(request with { Method = method, Path = path, Query = query, Headers = headers }, cancellationToken);
        };
    }
}
