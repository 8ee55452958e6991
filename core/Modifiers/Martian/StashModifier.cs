namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>stash.Modifier</c>: the request carries its full URL in a header; the response gets the same header copied back
/// from the request that was sent (so the response scope needs the request scope too).
/// </summary>
internal sealed class StashModifier(string headerName) : IRequestModifier, IResponseModifier
{
    public void ModifyRequest(MartianRequest request) => request.Headers.Set(headerName, request.Url.ToString());

    public void ModifyResponse(MartianResponse response) =>
        response.Headers.Set(headerName, response.Request.Headers.Get(headerName));
}
