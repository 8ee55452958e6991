namespace Switchyard.Core.Pipeline;

/// <summary>Picks the host for one call and sets the absolute backend URL.</summary>
internal static class LoadBalancedProxy
{
    // The path was encoded by the request builder; canonicalisation would undo that (e.g. resolve "%2E%2E").
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    public static Proxy Create(HostBalancer balancer, Proxy next) =>
        (request, cancellationToken) =>
            next(request with { Url = new Uri(balancer.Next() + request.Path, Verbatim) }, cancellationToken);
}
