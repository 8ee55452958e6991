namespace Switchyard.Core.FanOut;

/// <summary>Broker URLs as they may be shown: the password never leaves in a log or a listing.</summary>
public static class BrokerUrl
{
    /// <summary><paramref name="broker"/> with the password of its user info replaced by <c>**</c>.</summary>
    public static string Mask(string broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var scheme = broker.IndexOf("://", StringComparison.Ordinal);
        var at = broker.LastIndexOf('@');
        if (scheme < 0 || at < scheme)
        {
            return broker;
        }

        var userInfoStart = scheme + 3;
        var colon = broker.IndexOf(':', userInfoStart, at - userInfoStart);
        return colon < 0 ? broker : string.Concat(broker.AsSpan(0, colon + 1), "**", broker.AsSpan(at));
    }
}
