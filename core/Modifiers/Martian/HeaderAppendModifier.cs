namespace Switchyard.Core.Modifiers.Martian;

/// <summary><c>header.Append</c>: adds a value to a header, after the values it has.</summary>
internal sealed class HeaderAppendModifier(string name, string value) : IRequestModifier, IResponseModifier
{
    public void ModifyRequest(MartianRequest request) => request.Headers.Add(name, value);

    public void ModifyResponse(MartianResponse response) => response.Headers.Add(name, value);
}
