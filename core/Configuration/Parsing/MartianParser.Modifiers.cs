using System.Text;
using System.Text.Json;
using Switchyard.Core.Modifiers.Martian;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>The modifiers and groups of a <c>modifier/martian</c> tree, one reader per <c>package.Type</c>, and the checks of the values they would send.</summary>
internal static partial class MartianParser
{
    private static MartianModifier? HeaderModifier(MartianFieldReader fields)
    {
        var name = fields.HeaderName("name");
        var value = fields.HeaderValue("value", name);
        return Both(fields, new HeaderModifier(name ?? "", value));
    }

    private static MartianModifier? HeaderAppend(MartianFieldReader fields)
    {
        var name = fields.HeaderName("name");
        var value = fields.HeaderValue("value", name);
        var scopes = Scopes(fields, Scope.Both);
        if (name is not null && MessageHeaders.IsHost(name) && scopes.HasFlag(Scope.Request))
        {
            // martian fails every such call: a request always has its host.
            fields.Invalid<string>("name", "header.Append cannot add a second Host to a request");
        }

        var modifier = new HeaderAppendModifier(name ?? "", value);
        return Build(scopes, modifier, modifier);
    }

    private static MartianModifier? HeaderBlacklist(MartianFieldReader fields)
    {
        var names = fields.Reader.Strings("names");
        for (var i = 0; i < names.Count; i++)
        {
            if (!HeaderNames.IsValid(names[i]))
            {
                fields.Reader.Problems.Error(JsonPaths.Index(fields.Reader.PathOf("names"), i), $"'{names[i]}' is not a header name");
            }
        }

        return Both(fields, new HeaderBlacklistModifier(names));
    }

    private static MartianModifier? HeaderCopy(MartianFieldReader fields)
    {
        var from = fields.HeaderName("from", readOnly: true);
        var to = fields.HeaderName("to");
        var scopes = Scopes(fields, Scope.Both);
        if (to is not null && MessageHeaders.IsHost(to) && scopes.HasFlag(Scope.Request))
        {
            // The copied value comes from the request, and a request value never picks where a backend call goes.
            fields.Invalid<string>("to", "header.Copy cannot write a request's Host: the value would come from the request");
        }

        var modifier = new HeaderCopyModifier(from ?? "", to ?? "");
        return Build(scopes, modifier, modifier);
    }

    private static MartianModifier? HeaderId(MartianFieldReader fields)
    {
        var header = fields.PlainHeaderName("header", HeaderIdModifier.DefaultHeader);
        return Build(Scopes(fields, Scope.Request), new HeaderIdModifier(header ?? ""), response: null);
    }

    private static MartianModifier? QueryStringModifier(MartianFieldReader fields)
    {
        var name = fields.Required("name");
        var value = fields.Reader.String("value") ?? "";
        return Build(Scopes(fields, Scope.Request), new QueryStringModifier(name ?? "", value), response: null);
    }

    private static MartianModifier? BodyModifier(MartianFieldReader fields)
    {
        var encoded = fields.Required("body");
        var contentType = fields.HeaderValue("contentType", name: null);
        var body = Array.Empty<byte>();
        if (encoded is not null)
        {
            var buffer = new byte[encoded.Length];
            body = Convert.TryFromBase64String(encoded, buffer, out var length)
                ? buffer[..length]
                : fields.Invalid<byte[]>("body", "the body must be base64 (standard alphabet, with padding)") ?? [];
        }

        return Both(fields, new BodyModifier(body, contentType));
    }

    private static MartianModifier? UrlModifier(MartianFieldReader fields)
    {
        var scheme = fields.Reader.String("scheme") ?? "";
        if (scheme.Length > 0 && scheme is not ("http" or "https"))
        {
            fields.Invalid<string>("scheme", $"'{scheme}' is not a backend scheme: want http or https");
        }

        var host = fields.Host("host");
        var path = fields.Reader.String("path") ?? "";
        if (path.Length > 0 && path[0] != '/')
        {
            fields.Invalid<string>("path", $"'{path}' is not an absolute path: start it with '/'");
        }

        var query = fields.Reader.String("query") ?? "";
        if (query.Any(c => c <= ' ' || c == '#' || c >= 0x7F))
        {
            fields.Invalid<string>("query", "a raw query cannot hold spaces, control characters, '#' or non-ASCII characters: escape them");
        }

        return Build(Scopes(fields, Scope.Request), new UrlModifier(scheme, host, GoPathEscape(path), query), response: null);
    }

    private static MartianModifier? CookieModifier(MartianFieldReader fields)
    {
        var reader = fields.Reader;
        var name = fields.Token("name", "a cookie name");
        var value = reader.String("value") ?? "";
        if (!value.All(IsCookieValueChar))
        {
            fields.Invalid<string>("value", "a cookie value holds only cookie characters (no spaces, quotes, commas, ';' or '\\')");
        }

        var path = Attribute(fields, "path");
        var domain = Attribute(fields, "domain");
        var expires = fields.Time("expires");
        var modifier = Modifiers.Martian.CookieModifier.Create(
            name ?? "", value, path, domain, expires, reader.Bool("secure"), reader.Bool("httpOnly"), reader.Int("maxAge") ?? 0);
        return Both(fields, modifier);
    }

    private static MartianModifier? PortModifier(MartianFieldReader fields)
    {
        var port = fields.Port("port");
        var defaultForScheme = fields.Reader.Bool("defaultForScheme");
        var remove = fields.Reader.Bool("remove");
        var chosen = (port is null ? 0 : 1) + (defaultForScheme ? 1 : 0) + (remove ? 1 : 0);
        if (chosen != 1 && !fields.Reader.Problems.HasErrorAt(fields.Reader.PathOf("port")))
        {
            fields.Reader.Problems.Error(fields.Reader.Path, "port.Modifier needs exactly one of 'port', 'defaultForScheme' or 'remove'");
        }

        var modifier = port is { } value ? Modifiers.Martian.PortModifier.Use(value)
            : defaultForScheme ? Modifiers.Martian.PortModifier.DefaultForScheme()
            : Modifiers.Martian.PortModifier.Remove();
        return Build(Scopes(fields, Scope.Request), modifier, response: null);
    }

    private static MartianModifier? StashModifier(MartianFieldReader fields)
    {
        var header = fields.PlainHeaderName("headerName");
        var scopes = Scopes(fields, Scope.Both);
        if (scopes == Scope.Response)
        {
            fields.Reader.Problems.Error(fields.Reader.PathOf(ScopeKey), "stash.Modifier copies the request's header into the response: its scope needs request too");
        }

        var modifier = new StashModifier(header ?? "");
        return Build(scopes, modifier, modifier);
    }

    private static MartianModifier? StatusModifier(MartianFieldReader fields)
    {
        var status = fields.Reader.Int("statusCode");
        if (status is not (>= 100 and <= 599) && !fields.Reader.Problems.HasErrorAt(fields.Reader.PathOf("statusCode")))
        {
            fields.Invalid<int>("statusCode", "status.Modifier needs a 'statusCode' from 100 to 599");
        }

        return Build(Scopes(fields, Scope.Response), request: null, new StatusModifier(status ?? 0));
    }

    private static MartianModifier? FifoGroup(MartianFieldReader fields)
    {
        var children = Children(fields, item => (item.Element, item.Path, 0L));
        var aggregateErrors = fields.Reader.Bool("aggregateErrors");
        var group = new FifoGroup(
            [.. children.Select(c => c.Modifier.Request).OfType<IRequestModifier>()],
            [.. children.Select(c => c.Modifier.Response).OfType<IResponseModifier>()],
            aggregateErrors);
        return Both(fields, group);
    }

    private static MartianModifier? PriorityGroup(MartianFieldReader fields)
    {
        var children = Children(fields, item =>
        {
            var reader = fields.Reader.OpenInside(item.Element, item.Path);
            if (reader is null)
            {
                return null;
            }

            var itemFields = new MartianFieldReader(reader, "a priority.Group item");
            var priority = itemFields.Long("priority") ?? 0;
            var found = itemFields.TryGetObject(ModifierKey, required: true, out var element, out var path);
            reader.ReportUnknownKeys();
            return found ? (element, path, priority) : ((JsonElement, string, long)?)null;
        });
        var group = new PriorityGroup(
            Modifiers.Martian.PriorityGroup.Order([.. children.Where(c => c.Modifier.Request is not null).Select(c => (c.Priority, c.Modifier.Request!))]),
            Modifiers.Martian.PriorityGroup.Order([.. children.Where(c => c.Modifier.Response is not null).Select(c => (c.Priority, c.Modifier.Response!))]));
        return Both(fields, group);
    }

    // A cookie attribute (path, domain): nothing that would end or break the Set-Cookie line.
    private static string Attribute(MartianFieldReader fields, string key)
    {
        var value = fields.Reader.String(key) ?? "";
        return value.Any(c => c == ';' || char.IsControl(c) || c >= 0x7F)
            ? fields.Invalid<string>(key, $"a cookie {key} cannot hold ';', control or non-ASCII characters") ?? ""
            : value;
    }

    // RFC 6265 cookie-octet.
    private static bool IsCookieValueChar(char c) => c is '!' or (>= '#' and <= '+') or (>= '-' and <= ':') or (>= '<' and <= '[') or (>= ']' and <= '~');

    // Go's escaping of a URL path set as URL.Path: unreserved characters and "$&+,/:;=@" stay, everything else is
    // percent-encoded (UTF-8), '%' included.
    private static string GoPathEscape(string path)
    {
        var escaped = new StringBuilder(path.Length);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-_.~$&+,/:;=@".Contains(c))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('%').Append(Convert.ToHexString([b]));
            }
        }

        return escaped.ToString();
    }
}
