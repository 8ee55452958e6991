using System.Globalization;

namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>port.Modifier</c>: moves the request to another port of the same host: a given <c>port</c>, the scheme's default
/// written out (<c>defaultForScheme</c>: 80 or 443), or no port at all (<c>remove</c>). Exactly one of the three is
/// configured. Request scope only; the <c>Host</c> header stays the backend's, as in KrakenD.
/// </summary>
internal sealed class PortModifier : IRequestModifier
{
    private readonly int? _port;
    private readonly bool _defaultForScheme;

    private PortModifier(int? port, bool defaultForScheme)
    {
        _port = port;
        _defaultForScheme = defaultForScheme;
    }

    public static PortModifier Use(int port) => new(port, defaultForScheme: false);

    public static PortModifier DefaultForScheme() => new(port: null, defaultForScheme: true);

    public static PortModifier Remove() => new(port: null, defaultForScheme: false);

    public void ModifyRequest(MartianRequest request)
    {
        var url = request.Url;
        var port = _defaultForScheme
            ? url.Scheme switch
            {
                "http" => 80,
                "https" => 443,
                _ => (int?)null,
            }
            : _port;
        if (_defaultForScheme && port is null)
        {
            return;
        }

        url.Host = port is { } value ? url.HostName + ":" + value.ToString(CultureInfo.InvariantCulture) : url.HostName;
    }
}
