namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>port.Filter</c>: runs its <c>modifier</c> when the request URL's port (its written one, else 80 for http and 443
/// for https) is <c>port</c>; there is no <c>else</c>. The response scope tests the request that was sent, the same way
/// (martian fails a response whose URL has no port unless the port is the scheme's; Switchyard does not).
/// </summary>
internal sealed class PortFilter(int port, MartianModifier then) : IRequestModifier, IResponseModifier
{
    public void ModifyRequest(MartianRequest request)
    {
        if (request.Url.EffectivePort == port)
        {
            then.Request?.ModifyRequest(request);
        }
    }

    public void ModifyResponse(MartianResponse response)
    {
        if (response.Request.Url.EffectivePort == port)
        {
            then.Response?.ModifyResponse(response);
        }
    }
}
