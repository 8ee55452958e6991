namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>querystring.Filter</c>'s condition: the request URL has the parameter, with the value <c>value</c> when one is
/// given. The response scope tests the request that was sent.
/// </summary>
internal sealed class QueryStringCondition(string name, string value) : IMessageCondition
{
    public bool Matches(MartianRequest request) =>
        GoQuery.Parse(request.Url.RawQuery).TryGetValue(name, out var values)
        && (value.Length == 0 || values.Contains(value, StringComparer.Ordinal));

    public bool Matches(MartianResponse response) => Matches(response.Request);
}
