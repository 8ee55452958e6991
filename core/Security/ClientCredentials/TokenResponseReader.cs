using System.Globalization;
using System.Text.Json;
using System.Web;

namespace Switchyard.Core.Security.ClientCredentials;

/// <summary>
/// Reads a token endpoint's answer as KrakenD's OAuth2 library does: a non-2xx status, an <c>error</c> field or a
/// missing <c>access_token</c> is a failure; the body is JSON, or <c>key=value</c> pairs when the server says
/// <c>application/x-www-form-urlencoded</c> or <c>text/plain</c>; <c>expires_in</c> (seconds, 0 or absent: never)
/// sets the expiry.
/// </summary>
internal static class TokenResponseReader
{
    /// <summary>The most of a token response that is read (1 MiB, as KrakenD's library reads).</summary>
    public const int MaxBody = 1 << 20;

    /// <summary>The token, or the reason there is none (a text safe to log).</summary>
    public static (AccessToken? Token, string? Failure) Read(int status, string? mediaType, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var fields = IsForm(mediaType) ? FormFields(body) : JsonFields(body);
        if (fields is null)
        {
            return (null, status is >= 200 and <= 299 ? $"status {status}, a body that is not JSON" : $"status {status}");
        }

        fields.TryGetValue("error", out var error);
        if (status is < 200 or > 299)
        {
            return (null, string.IsNullOrEmpty(error) ? $"status {status}" : $"status {status} ({error})");
        }

        if (!string.IsNullOrEmpty(error))
        {
            return (null, $"status {status}, error {error}");
        }

        if (!fields.TryGetValue("access_token", out var value) || string.IsNullOrEmpty(value))
        {
            return (null, $"status {status}, the response has no access_token");
        }

        fields.TryGetValue("token_type", out var type);
        if (!IsHeaderSafe(value) || (!string.IsNullOrEmpty(type) && !IsHeaderSafe(type)))
        {
            // It goes into the backend's Authorization header: a space or a line break would forge another header.
            return (null, $"status {status}, the access_token or token_type is not a single printable word");
        }

        fields.TryGetValue("expires_in", out var expiresIn);
        if (!TryReadSeconds(expiresIn, out var seconds))
        {
            return (null, $"status {status}, expires_in is not a whole number of seconds");
        }

        return (new AccessToken(value, AccessToken.SchemeOf(type), seconds == 0 ? null : now.AddSeconds(seconds)), null);
    }

    // Visible ASCII only, as a token68 or an auth scheme is.
    private static bool IsHeaderSafe(string value) => value.All(c => c is > ' ' and < '\x7f');

    private static bool IsForm(string? mediaType) =>
        string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        || string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string>? FormFields(ReadOnlySpan<byte> body)
    {
        var pairs = HttpUtility.ParseQueryString(System.Text.Encoding.UTF8.GetString(body));
        return pairs.AllKeys.Where(key => key is not null).ToDictionary(key => key!, key => pairs[key] ?? "", StringComparer.Ordinal);
    }

    // Null when the body is not a JSON object. Numbers keep their text, so expires_in is read the same from both forms.
    private static Dictionary<string, string>? JsonFields(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => "",
                };
            }

            return fields;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryReadSeconds(string? text, out long seconds)
    {
        seconds = 0;
        return string.IsNullOrEmpty(text) || long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seconds);
    }
}
