namespace Switchyard.Core.Modifiers.Martian;

/// <summary><c>header.Copy</c>: sets <c>to</c> to the first value of <c>from</c>, or to an empty value when <c>from</c> is absent.</summary>
internal sealed class HeaderCopyModifier(string from, string to) : IRequestModifier, IResponseModifier
{
    public void ModifyRequest(MartianRequest request) => request.Headers.Set(to, request.Headers.Get(from));

    public void ModifyResponse(MartianResponse response) => response.Headers.Set(to, response.Headers.Get(from));
}
