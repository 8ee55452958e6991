namespace Switchyard.Core.Modifiers.Martian;

/// <summary><c>header.Modifier</c>: sets a header to one value, replacing the ones it had; <c>Host</c> sets the request's host header.</summary>
internal sealed class HeaderModifier(string name, string value) : IRequestModifier, IResponseModifier
{
    public void ModifyRequest(MartianRequest request) => request.Headers.Set(name, value);

    public void ModifyResponse(MartianResponse response) => response.Headers.Set(name, value);
}
