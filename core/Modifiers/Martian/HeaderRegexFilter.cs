using System.Text.RegularExpressions;
using Switchyard.Core.RegularExpressions;

namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>header.RegexFilter</c>: runs its <c>modifier</c> when the first value of a request header matches the RE2
/// expression (unanchored). An absent or empty header does nothing; there is no <c>else</c>. The response scope tests
/// the header of the request that was sent, as martian does.
/// </summary>
internal sealed class HeaderRegexFilter(string header, Regex regex, MartianModifier then) : IRequestModifier, IResponseModifier
{
    public void ModifyRequest(MartianRequest request)
    {
        if (Matches(request))
        {
            then.Request?.ModifyRequest(request);
        }
    }

    public void ModifyResponse(MartianResponse response)
    {
        if (Matches(response.Request))
        {
            then.Response?.ModifyResponse(response);
        }
    }

    private bool Matches(MartianRequest request) =>
        request.Headers.Get(header) is { Length: > 0 } value && Re2Regex.AnyMatches([regex], value, whenTimedOut: false);
}
