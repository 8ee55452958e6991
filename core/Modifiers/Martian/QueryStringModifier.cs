namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>querystring.Modifier</c>: sets a query parameter to one value, replacing the ones it had. The whole query is
/// written again as Go does: keys sorted, values escaped. Request scope only.
/// </summary>
internal sealed class QueryStringModifier(string name, string value) : IRequestModifier
{
    public void ModifyRequest(MartianRequest request)
    {
        var query = GoQuery.Parse(request.Url.RawQuery);
        query[name] = [value];
        request.Url.RawQuery = GoQuery.Encode(query);
    }
}
