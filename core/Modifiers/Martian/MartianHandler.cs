namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// The <c>modifier/martian</c> layer of a backend's HTTP client, the outermost one: the request scope changes the
/// request before the cache or the token layers see it (it arrives with the backend's <c>input_headers</c> and
/// <c>input_query_strings</c> filters already applied), and the response scope changes the raw response before
/// Switchyard checks its status and decodes it. A modifier that fails fails the call, as a backend error.
/// </summary>
internal sealed class MartianHandler(MartianModifier modifier) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (modifier.Request is { } requestModifier)
        {
            var view = MartianRequest.Of(request);
            requestModifier.ModifyRequest(view);
            view.Commit();
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (modifier.Response is { } responseModifier)
        {
            try
            {
                response.RequestMessage ??= request;
                responseModifier.ModifyResponse(MartianResponse.Of(response));
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        return response;
    }
}
