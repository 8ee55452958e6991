namespace Switchyard.Functions.Routing;

/// <summary>One segment of a route pattern: literal text, or a parameter when written <c>{name}</c> as a whole segment.</summary>
/// <param name="Text">The literal text, or the parameter's name.</param>
/// <param name="IsParameter">True for a <c>{name}</c> segment.</param>
internal readonly record struct RouteSegment(string Text, bool IsParameter)
{
    /// <summary>
    /// Only a whole segment is a parameter (KrakenD's strict REST rule); braces inside a segment are literal
    /// text, which is how a configuration with <c>disable_rest</c> reaches the router.
    /// </summary>
    public static RouteSegment Parse(string text)
    {
        var isParameter = text.Length > 2 && text[0] == '{' && text[^1] == '}'
            && text.AsSpan(1, text.Length - 2).IndexOfAny('{', '}') < 0;
        return isParameter ? new RouteSegment(text[1..^1], true) : new RouteSegment(text, false);
    }
}
