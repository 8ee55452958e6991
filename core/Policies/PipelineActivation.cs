using Switchyard.Core.Pipeline;
using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Policies;

/// <summary>
/// The variables a policy sees, read lazily from the request (and, after the call, the response): <c>req_method</c>,
/// <c>req_path</c>, <c>req_params</c>, <c>req_headers</c>, <c>req_querystring</c>, <c>resp_data</c>,
/// <c>resp_completed</c>, <c>resp_metadata_status</c>, <c>resp_metadata_headers</c>, <c>now</c> and, behind
/// <c>auth/validator</c>, <c>JWT</c> (the token's claims).
/// </summary>
internal sealed class PipelineActivation(ProxyRequest request, ProxyResponse? response, TimeProvider time) : ICelActivation
{
    private static readonly IReadOnlyDictionary<string, string[]> NoHeaders = new Dictionary<string, string[]>();

    public bool TryResolve(string name, out object? value)
    {
        value = name switch
        {
            "req_method" => request.Method,
            "req_path" => PathOnly(request.Path),
            "req_params" => request.Params,
            "req_headers" => request.Headers,
            "req_querystring" => request.Query,
            "resp_data" => response?.Data ?? [],
            "resp_completed" => response?.IsComplete ?? false,
            "resp_metadata_status" => (long)(response?.Passthrough is { } passthrough ? (int)passthrough.StatusCode : 0),
            "resp_metadata_headers" => NoHeaders,
            "now" => time.GetUtcNow(),
            "JWT" => request.Claims,
            _ => null,
        };
        return value is not null;
    }

    // At a backend the path already carries the backend query; policies compare paths.
    private static string PathOnly(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? path : path[..query];
    }
}
