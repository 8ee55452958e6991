namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// One parsed <c>modifier/martian</c> object (a modifier, filter or group, with everything it holds), split by the scopes
/// it serves: what it does to the backend request and what it does to the backend response. A scope the object does
/// not serve, or that its <c>scope</c> leaves out, is null. Built once when the configuration loads.
/// </summary>
public sealed class MartianModifier
{
    internal MartianModifier(IRequestModifier? request, IResponseModifier? response)
    {
        Request = request;
        Response = response;
    }

    /// <summary>The request scope, or null.</summary>
    internal IRequestModifier? Request { get; }

    /// <summary>The response scope, or null.</summary>
    internal IResponseModifier? Response { get; }
}
