using System.Net.Http.Headers;

namespace Switchyard.Core.FanOut;

/// <summary>
/// Posts batches to <c>{api_url}/v1/events/process</c> with Leek's agent headers. The path of <c>api_url</c> is kept as
/// a prefix (Leek's absolute join dropped it, so an API behind <c>/leek</c> could not be reached), and every request
/// has a timeout (Leek's had none, so a hung API hung the agent).
/// </summary>
public sealed class EventApiClient
{
    /// <summary>The path appended to <c>api_url</c>.</summary>
    public const string ProcessPath = "v1/events/process";

    /// <summary>Sent in <c>x-agent-version</c>: the version of Leek's agent whose protocol this speaks.</summary>
    public const string AgentVersion = "1.0.0";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    /// <param name="http">The client; its own timeout should be infinite or longer than <paramref name="timeout"/>.</param>
    /// <param name="timeout">How long one post may take. <value>The default value is 30 seconds.</value></param>
    public EventApiClient(HttpClient http, TimeSpan? timeout = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>The URL batches of <paramref name="subscription"/> are posted to.</summary>
    public static Uri ProcessUrl(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var baseUrl = subscription.ApiUrl.AbsoluteUri;
        return new Uri(baseUrl.EndsWith('/') ? baseUrl + ProcessPath : baseUrl + "/" + ProcessPath);
    }

    internal async Task<ApiResult> PostAsync(Subscription subscription, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ProcessUrl(subscription));
        request.Headers.Add("x-requested-with", "leek-agent");
        request.Headers.Add("x-agent-version", AgentVersion);
        request.Headers.Add("x-leek-org-name", subscription.OrgName);
        request.Headers.Add("x-leek-app-name", subscription.AppName);
        request.Headers.Add("x-leek-app-key", subscription.AppKey);
        request.Headers.Add("x-leek-app-env", subscription.AppEnv);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = Json;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return subscription.AcceptedStatuses.Contains(status)
                ? new ApiResult(true, status, null)
                : new ApiResult(false, status, $"the events API answered {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ApiResult(false, null, $"the events API did not answer within {_timeout.TotalSeconds} s");
        }
        catch (HttpRequestException exception)
        {
            return new ApiResult(false, null, "the events API could not be reached: " + exception.Message);
        }
    }
}
