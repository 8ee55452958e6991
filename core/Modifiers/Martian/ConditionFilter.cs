namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// The filters with two branches (<c>header.Filter</c>, <c>querystring.Filter</c>, <c>url.Filter</c>,
/// <c>url.RegexFilter</c>, <c>cookie.Filter</c>): when the condition holds the <c>modifier</c> runs, otherwise the
/// <c>else</c>; a branch without the scope at hand does nothing.
/// </summary>
internal sealed class ConditionFilter(IMessageCondition condition, MartianModifier then, MartianModifier? otherwise)
    : IRequestModifier, IResponseModifier
{
    public void ModifyRequest(MartianRequest request) =>
        (condition.Matches(request) ? then : otherwise)?.Request?.ModifyRequest(request);

    public void ModifyResponse(MartianResponse response) =>
        (condition.Matches(response) ? then : otherwise)?.Response?.ModifyResponse(response);
}
