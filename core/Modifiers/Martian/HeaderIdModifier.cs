namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>header.Id</c> (KrakenD's own): gives the request a random UUID (version 4) in a header, unless the header already
/// has a value. Request scope only.
/// </summary>
internal sealed class HeaderIdModifier(string header) : IRequestModifier
{
    /// <summary>The header used when none is given. <value>The default value is <c>X-Krakend-Id</c>.</value></summary>
    public const string DefaultHeader = "X-Krakend-Id";

    public void ModifyRequest(MartianRequest request)
    {
        if (request.Headers.Get(header).Length == 0)
        {
            request.Headers.Set(header, Guid.NewGuid().ToString());
        }
    }
}
