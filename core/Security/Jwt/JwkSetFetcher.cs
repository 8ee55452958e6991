namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// Downloads a key set from its URL, as KrakenD's client does: a GET whose answer must be 2xx with a
/// <c>Content-Type</c> starting with <c>application/json</c> or <c>application/jwk-set+json</c>, holding a JWK set
/// with at least one usable key. Every failure is a <see cref="JwkSetException"/> that says what went wrong.
/// </summary>
internal sealed class JwkSetFetcher(HttpClient client, Uri url, TimeProvider time)
{
    private static readonly string[] ContentTypes = ["application/json", "application/jwk-set+json"];

    public Uri Url => url;

    public async Task<JwkKeySet> FetchAsync(CancellationToken cancellationToken)
    {
        string body;
        try
        {
            using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new JwkSetException($"the JWK set URL answered {(int)response.StatusCode}");
            }

            var contentType = response.Content.Headers.ContentType?.ToString() ?? "";
            if (!ContentTypes.Any(expected => contentType.StartsWith(expected, StringComparison.Ordinal)))
            {
                throw new JwkSetException($"the JWK set URL answered Content-Type '{contentType}', not application/json or application/jwk-set+json");
            }

            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new JwkSetException("the JWK set could not be downloaded: " + exception.Message, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new JwkSetException($"the JWK set URL did not answer within {JwksHttpClientFactory.Timeout.TotalSeconds:0} s", exception);
        }

        return JwkKeySet.Parse(body, time.GetUtcNow());
    }
}
