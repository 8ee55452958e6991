namespace Switchyard.Core.Pipeline;

/// <summary>Calls one part of a merge so that whatever happens, the merge receives a response.</summary>
internal static class PartCall
{
    public static async Task<ProxyResponse> Run(Proxy part, ProxyRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await part(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ProxyResponse.Failed(ProxyError.DeadlineExceeded);
        }
    }
}
