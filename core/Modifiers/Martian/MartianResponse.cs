namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// A backend response while martian works on it, with the request that was sent for it (Go's <c>res.Request</c>: its
/// URL and headers after the request scope, read by filters and by <c>stash.Modifier</c>).
/// </summary>
internal sealed class MartianResponse
{
    private MartianResponse(HttpResponseMessage message)
    {
        Message = message;
        Request = MartianRequest.Of(message.RequestMessage!);
        Headers = MessageHeaders.Of(message);
    }

    public HttpResponseMessage Message { get; }

    /// <summary>The request sent, to read only.</summary>
    public MartianRequest Request { get; }

    public MessageHeaders Headers { get; }

    /// <summary>A view of <paramref name="message"/>, which must carry the request that was sent for it.</summary>
    public static MartianResponse Of(HttpResponseMessage message) => new(message);
}
