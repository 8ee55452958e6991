using Switchyard.Core.Modifiers.Martian;

namespace Switchyard.Core.Pipeline;

/// <summary>The errors a backend call produces, worded as KrakenD words them.</summary>
internal static class BackendFailure
{
    public static ProxyError InvalidStatus(int status, string method, string urlPattern, Uri url) =>
        new($"invalid status code {status} [{method} {urlPattern}]: {url}", BackendStatus: status);

    /// <summary>
    /// An exception from the call: a cancelled call is a deadline, anything else is a transport error, except a
    /// martian modifier's, which a retry would only repeat.
    /// </summary>
    public static ProxyError FromException(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested
            ? ProxyError.DeadlineExceeded
            : new ProxyError(exception.Message, NoAnswer: exception is (HttpRequestException or IOException) and not MartianModifierException);
}
