namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>cookie.Filter</c>'s condition: a cookie named <c>name</c>, with the value <c>value</c> when one is given: among the
/// request's <c>Cookie</c> headers in the request scope, among the response's <c>Set-Cookie</c> in the response scope.
/// </summary>
internal sealed class CookieCondition(string name, string value) : IMessageCondition
{
    public bool Matches(MartianRequest request)
    {
        foreach (var header in request.Headers.All("Cookie"))
        {
            foreach (var pair in header.Split(';'))
            {
                if (Matches(pair))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A Set-Cookie names one cookie, before its first ';'.
    public bool Matches(MartianResponse response) =>
        response.Headers.All("Set-Cookie").Any(header => Matches(header.Split(';')[0]));

    private bool Matches(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0 || pair[..equals].Trim() != name)
        {
            return false;
        }

        // Go reads a quoted value without its quotes.
        var cookieValue = pair[(equals + 1)..].Trim();
        if (cookieValue is ['"', .. var inner, '"'])
        {
            cookieValue = inner;
        }

        return value.Length == 0 || cookieValue == value;
    }
}
