using Microsoft.AspNetCore.Http;
using Switchyard.Core.Security.Jwt;
using Switchyard.Functions.Hosting;
using RouteHandler = Switchyard.Functions.Hosting.RouteHandler;

namespace Switchyard.Functions.Security;

/// <summary>
/// The endpoint layer of <c>auth/signer</c> in front of the endpoint: while the signing key is not loaded (the key set
/// could not be downloaded, or holds no such key) every request is answered 401 with status only and nothing runs, as
/// KrakenD's signer does when it could not be created; a request arriving during the first download waits for it. The
/// signing itself is <see cref="SignedResponseWriter"/>'s.
/// </summary>
internal sealed class JwtSignerLayer(JwtSigner signer)
{
    public RouteHandler Wrap(RouteHandler next) => async (context, routeValues) =>
    {
        bool ready;
        try
        {
            ready = await signer.EnsureKeyAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (ready)
        {
            await next(context, routeValues).ConfigureAwait(false);
        }
        else
        {
            await StatusOnlyResponse.WriteAsync(context, StatusCodes.Status401Unauthorized).ConfigureAwait(false);
        }
    };
}
