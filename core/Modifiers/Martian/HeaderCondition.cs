namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>header.Filter</c>'s condition: the message has the header with a value equal to <c>value</c> (the request's
/// headers in the request scope, the response's in the response scope). An empty <c>value</c> matches only an empty
/// header value, as in martian's code (KrakenD's documentation says any value would do).
/// </summary>
internal sealed class HeaderCondition(string name, string value) : IMessageCondition
{
    public bool Matches(MartianRequest request) => request.Headers.All(name).Contains(value, StringComparer.Ordinal);

    public bool Matches(MartianResponse response) => response.Headers.All(name).Contains(value, StringComparer.Ordinal);
}
