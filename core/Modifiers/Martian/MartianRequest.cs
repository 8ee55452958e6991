namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// A backend request while martian works on it, as Go's <c>http.Request</c> holds it: its URL and its <c>Host</c> are
/// kept apart. The URL decides where the call goes; <see cref="Host"/> is the <c>Host</c> header sent, which starts as
/// the backend's own and changes only when a modifier sets <c>Host</c>. So a <c>url.Modifier</c> or <c>port.Modifier</c>
/// sends the request elsewhere with the backend's <c>Host</c>, as KrakenD does. <see cref="Commit"/> writes both back.
/// </summary>
internal sealed class MartianRequest
{
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly string _sentUrl;
    private readonly string _sentHost;

    private MartianRequest(HttpRequestMessage message)
    {
        Message = message;
        Url = BackendUrl.Parse(message.RequestUri!);
        _sentUrl = Url.ToString();
        Host = _sentHost = message.Headers.Host ?? Url.Host;
        Headers = MessageHeaders.Of(this);
    }

    public HttpRequestMessage Message { get; }

    public BackendUrl Url { get; }

    /// <summary>Go's <c>req.Host</c>: the <c>Host</c> header to send; empty means the URL's host.</summary>
    public string Host { get; set; }

    public MessageHeaders Headers { get; }

    /// <summary>A view of <paramref name="message"/>, an absolute http or https request.</summary>
    public static MartianRequest Of(HttpRequestMessage message) => new(message);

    /// <summary>Writes the URL and the <c>Host</c> back into the message when a modifier changed them.</summary>
    public void Commit()
    {
        var url = Url.ToString();
        if (url == _sentUrl && Host == _sentHost)
        {
            return;
        }

        Message.RequestUri = new Uri(url, Verbatim);
        Message.Headers.Remove("Host");
        if (Host.Length > 0)
        {
            Message.Headers.TryAddWithoutValidation("Host", Host);
        }
    }
}
