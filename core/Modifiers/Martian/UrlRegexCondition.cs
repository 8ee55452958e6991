using System.Text.RegularExpressions;
using Switchyard.Core.RegularExpressions;

namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>url.RegexFilter</c>'s condition: the RE2 expression matches somewhere in the full request URL
/// (<c>scheme://host/path?query</c>; the query is part of it in martian's code, whatever KrakenD's documentation says).
/// A match that runs out of time counts as no match. The response scope tests the request that was sent.
/// </summary>
internal sealed class UrlRegexCondition(Regex regex) : IMessageCondition
{
    public bool Matches(MartianRequest request) => Re2Regex.AnyMatches([regex], request.Url.ToString(), whenTimedOut: false);

    public bool Matches(MartianResponse response) => Matches(response.Request);
}
