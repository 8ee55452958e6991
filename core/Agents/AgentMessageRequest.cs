using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Agents;

/// <summary>
/// Turns a message into the request its agent's pipe receives. As KrakenD: the body unchanged, no parameters, no query;
/// the method is the backend's (the pipe's request builder sets it). Switchyard adds headers, so backends and policies
/// can see what arrived: <c>X-Message-Id</c>, <c>X-Message-Routing-Key</c>, <c>Content-Type</c> and every message header
/// as <c>X-Message-Header-&lt;Name&gt;</c>.
/// </summary>
internal static class AgentMessageRequest
{
    public const string IdHeader = "X-Message-Id";
    public const string RoutingKeyHeader = "X-Message-Routing-Key";
    public const string HeaderPrefix = "X-Message-Header-";

    public static ProxyRequest Create(AgentMessage message, string path)
    {
        var headers = new Dictionary<string, string[]>(message.Headers.Count + 3, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in message.Headers)
        {
            if (HeaderName(name) is { } safe)
            {
                headers[HeaderPrefix + safe] = [HeaderValue(value)];
            }
        }

        if (!string.IsNullOrEmpty(message.Id))
        {
            headers[IdHeader] = [HeaderValue(message.Id)];
        }

        headers[RoutingKeyHeader] = [HeaderValue(message.RoutingKey)];
        if (!string.IsNullOrEmpty(message.ContentType))
        {
            headers["Content-Type"] = [HeaderValue(message.ContentType)];
        }

        return new ProxyRequest { Path = path, Headers = headers, Body = message.Body };
    }

    // A broker header name can hold anything; an HTTP header name only token characters (RFC 9110), so others become '-'.
    private static string? HeaderName(string name)
    {
        if (name.Length == 0)
        {
            return null;
        }

        var clean = true;
        foreach (var c in name)
        {
            clean &= IsTokenChar(c);
        }

        if (clean)
        {
            return name;
        }

        return string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = IsTokenChar(source[i]) ? source[i] : '-';
            }
        });
    }

    // A value with CR or LF could smuggle a header line; other controls are refused by HTTP clients. Spaces replace them.
    private static string HeaderValue(string value)
    {
        var clean = true;
        foreach (var c in value)
        {
            clean &= !IsControl(c);
        }

        return clean
            ? value
            : string.Create(value.Length, value, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = IsControl(source[i]) ? ' ' : source[i];
                }
            });
    }

    private static bool IsControl(char c) => (c < ' ' && c != '\t') || c == '\u007f';

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
