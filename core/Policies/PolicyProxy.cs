using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry.Tracing;

namespace Switchyard.Core.Policies;

/// <summary>
/// Guards a pipe with its policies: a request check that fails answers its error without calling on; a response
/// check that fails turns the answer into its error. Errors are never a pass: an expression that cannot be
/// evaluated fails its check. The decision is set on the current span (<c>switchyard.policy</c>: <c>allowed</c>,
/// <c>denied</c> on the request, <c>denied_response</c>).
/// </summary>
internal static class PolicyProxy
{
    public static Proxy Create(PolicyChecks checks, TimeProvider time, Proxy next) =>
        async (request, cancellationToken) =>
        {
            if (Denied(checks, request, time) is { } denied)
            {
                CurrentSpan.Tag(SpanAttributes.Policy, "denied");
                return ProxyResponse.Failed(denied);
            }

            var response = await next(request, cancellationToken).ConfigureAwait(false);
            var checkedResponse = Checked(checks, request, response, time);
            CurrentSpan.Tag(SpanAttributes.Policy, ReferenceEquals(checkedResponse, response) ? "allowed" : "denied_response");
            return checkedResponse;
        };

    /// <summary>The error of the first request check that fails, or null (a durable pipe checks with the flow's clock).</summary>
    public static ProxyError? Denied(PolicyChecks checks, ProxyRequest request, TimeProvider time) =>
        checks.Request.Count > 0 ? FirstFailure(checks.Request, new PipelineActivation(request, null, time)) : null;

    /// <summary>The response, or the error of the first response check it fails.</summary>
    public static ProxyResponse Checked(PolicyChecks checks, ProxyRequest request, ProxyResponse response, TimeProvider time)
    {
        if (checks.Response.Count == 0 || response.Error is not null || response.IsEmpty)
        {
            return response;
        }

        if (FirstFailure(checks.Response, new PipelineActivation(request, response, time)) is { } rejected)
        {
            response.Passthrough?.Dispose();
            return ProxyResponse.Failed(rejected);
        }

        return response;
    }

    private static ProxyError? FirstFailure(IReadOnlyList<PolicyCheck> checks, PipelineActivation activation)
    {
        foreach (var check in checks)
        {
            if (!check.Program.IsSatisfied(activation, out _))
            {
                return check.Failure;
            }
        }

        return null;
    }
}
