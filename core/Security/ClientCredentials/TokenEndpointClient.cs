using System.Net.Http.Headers;

namespace Switchyard.Core.Security.ClientCredentials;

/// <summary>
/// Asks a token endpoint for a token with the client credentials grant, through the shared connection pool (so the
/// service's <c>client_tls</c> applies), never through the backend's own layers. The client authenticates with HTTP
/// Basic first; when that fails it tries once more with its id and secret in the form body, and the style that worked
/// is kept for the next requests, as KrakenD's OAuth2 library does.
/// </summary>
internal sealed class TokenEndpointClient(ClientCredentialsOptions options, HttpMessageInvoker pool, TimeProvider time)
{
    private readonly Uri _tokenUrl = new(options.TokenUrl);
    private volatile AuthStyle _style = AuthStyle.Unknown;

    private enum AuthStyle
    {
        Unknown,
        Basic,
        Body,
    }

    /// <summary>A new token; throws <see cref="TokenEndpointException"/> when the endpoint gives none.</summary>
    public async Task<AccessToken> RequestAsync(CancellationToken cancellationToken)
    {
        var style = _style;
        var (token, failure) = await RequestAsync(style == AuthStyle.Body ? AuthStyle.Body : AuthStyle.Basic, cancellationToken).ConfigureAwait(false);
        if (token is null && style == AuthStyle.Unknown)
        {
            style = AuthStyle.Body;
            (token, failure) = await RequestAsync(style, cancellationToken).ConfigureAwait(false);
        }

        if (token is null)
        {
            throw TokenEndpointException.Of(options.TokenUrl, failure!);
        }

        if (_style == AuthStyle.Unknown)
        {
            _style = style == AuthStyle.Unknown ? AuthStyle.Basic : style;
        }

        return token;
    }

    private async Task<(AccessToken? Token, string? Failure)> RequestAsync(AuthStyle style, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUrl) { Content = new FormUrlEncodedContent(Form(style)) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (style == AuthStyle.Basic)
        {
            // RFC 6749 section 2.3.1: id and secret are form-encoded before they are joined.
            var credentials = FormEscape(options.ClientId) + ":" + FormEscape(options.ClientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials)));
        }

        try
        {
            using var response = await pool.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            return TokenResponseReader.Read((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, time.GetUtcNow());
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            return (null, exception is OperationCanceledException ? "no answer in time" : "no answer: " + exception.Message);
        }
    }

    private List<KeyValuePair<string, string>> Form(AuthStyle style)
    {
        var form = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["grant_type"] = ["client_credentials"] };
        if (options.Scopes.Count > 0)
        {
            form["scope"] = [string.Join(' ', options.Scopes)];
        }

        // grant_type may be overridden, for servers that want another; scope never (the validator refuses it).
        foreach (var (name, values) in options.EndpointParams)
        {
            form[name] = values;
        }

        if (style == AuthStyle.Body)
        {
            form["client_id"] = [options.ClientId];
            form["client_secret"] = [options.ClientSecret];
        }

        return [.. form.SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value)))];
    }

    // As Go's url.QueryEscape: every byte but the unreserved ones escaped, spaces as '+'.
    private static string FormEscape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[TokenResponseReader.MaxBody];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return buffer[..length];
        }
    }
}
