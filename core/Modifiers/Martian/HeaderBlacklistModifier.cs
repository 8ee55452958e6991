namespace Switchyard.Core.Modifiers.Martian;

/// <summary><c>header.Blacklist</c>: removes the listed headers.</summary>
internal sealed class HeaderBlacklistModifier(IReadOnlyList<string> names) : IRequestModifier, IResponseModifier
{
    public void ModifyRequest(MartianRequest request) => Remove(request.Headers);

    public void ModifyResponse(MartianResponse response) => Remove(response.Headers);

    private void Remove(MessageHeaders headers)
    {
        foreach (var name in names)
        {
            headers.Remove(name);
        }
    }
}
