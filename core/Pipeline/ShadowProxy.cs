namespace Switchyard.Core.Pipeline;

/// <summary>
/// Shadow backends (<c>proxy.shadow</c>): each request is also sent to them in the background, with their own
/// timeout and not tied to the client; their answers are dropped. The client only ever waits for the main pipe.
/// </summary>
internal static class ShadowProxy
{
    public static Proxy Create(Proxy main, Proxy[] shadows, TimeSpan shadowTimeout) =>
        (request, cancellationToken) =>
        {
            foreach (var shadow in shadows)
            {
                _ = Task.Run(() => CallAndForget(shadow, request, shadowTimeout), CancellationToken.None);
            }

            return main(request, cancellationToken);
        };

    private static async Task CallAndForget(Proxy shadow, ProxyRequest request, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var response = await PartCall.Run(shadow, request, deadline.Token).ConfigureAwait(false);
        response.Passthrough?.Dispose();
    }
}
