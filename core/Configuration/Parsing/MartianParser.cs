using System.Text;
using System.Text.Json;
using Switchyard.Core.Modifiers.Martian;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads a backend's <c>modifier/martian</c> namespace into its tree of modifiers, filters and groups, recursively
/// (a filter's <c>modifier</c> and <c>else</c>, a group's <c>modifiers</c>). Every object holds exactly one
/// <c>package.Type</c> key, and <c>scope</c> (omitted: every scope the type serves) picks the request and response
/// parts. KrakenD logs a block it cannot parse and calls the backend without any modifier; Switchyard refuses the
/// configuration instead, naming the path: an unknown or unserved type, an unknown field, a scope the type does not
/// serve, a value that could not be sent. Checked here rather than by a validator because the tree keeps only what runs.
/// </summary>
internal static class MartianParser
{
    private const string ScopeKey = "scope";
    private const string ModifierKey = "modifier";
    private const string ElseKey = "else";

    private const string VerifierReason = "verifiers record expectations for martian's test proxy and change nothing";

    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["header.Verifier"] = VerifierReason,
        ["querystring.Verifier"] = VerifierReason,
        ["url.Verifier"] = VerifierReason,
        ["status.Verifier"] = VerifierReason,
        ["static.Modifier"] = "serving files from the gateway's disk instead of calling the backend is not served",
    };

    public static MartianModifier? Parse(ExtraConfigSection extraConfig, ConfigProblems problems) =>
        extraConfig.TryGet(NamespaceAliases.ModifierMartian, out var element, out var path) ? One(element, path, problems) : null;

    // One object holding exactly one "package.Type" key.
    private static MartianModifier? One(JsonElement element, string path, ConfigProblems problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Error(path, "expected an object with one martian modifier, filter or group, got " + JsonValueText.Describe(element));
            return null;
        }

        var keys = element.EnumerateObject().ToList();
        if (keys.Count != 1)
        {
            problems.Error(path, $"expected exactly one martian modifier, filter or group, got {keys.Count}"
                + (keys.Count == 0 ? "" : $" ({string.Join(", ", keys.Select(k => k.Name))})")
                + ": put several in a fifo.Group or priority.Group, and an @comment inside the modifier");
            return null;
        }

        var type = keys[0].Name;
        var typePath = JsonPaths.Property(path, type);
        if (Refused.TryGetValue(type, out var reason))
        {
            problems.Error(typePath, $"martian type '{type}' is not served by Switchyard: {reason}");
            return null;
        }

        if (!Types.TryGetValue(type, out var parse))
        {
            problems.Error(typePath, $"unknown martian type '{type}'; served: {string.Join(", ", Types.Keys)}");
            return null;
        }

        var reader = JsonObjectReader.Open(keys[0].Value, typePath, problems, unknownKeysAreErrors: true);
        if (reader is null)
        {
            return null;
        }

        var fields = new MartianFieldReader(reader, type);
        var modifier = parse(fields);
        reader.ReportUnknownKeys();
        return problems.HasErrorAt(typePath) ? null : modifier;
    }

    private static readonly Dictionary<string, Func<MartianFieldReader, MartianModifier?>> Types = new(StringComparer.Ordinal)
    {
        ["header.Modifier"] = HeaderModifier,
        ["header.Append"] = HeaderAppend,
        ["header.Blacklist"] = HeaderBlacklist,
        ["header.Copy"] = HeaderCopy,
        ["header.Id"] = HeaderId,
        ["querystring.Modifier"] = QueryStringModifier,
        ["body.Modifier"] = BodyModifier,
        ["url.Modifier"] = UrlModifier,
        ["cookie.Modifier"] = CookieModifier,
        ["port.Modifier"] = PortModifier,
        ["stash.Modifier"] = StashModifier,
        ["status.Modifier"] = StatusModifier,
        ["fifo.Group"] = FifoGroup,
        ["priority.Group"] = PriorityGroup,
        ["header.Filter"] = HeaderFilter,
        ["header.RegexFilter"] = HeaderRegexFilter,
        ["querystring.Filter"] = QueryStringFilter,
        ["url.Filter"] = UrlFilter,
        ["url.RegexFilter"] = UrlRegexFilter,
        ["cookie.Filter"] = CookieFilter,
        ["port.Filter"] = PortFilter,
    };

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

    private static MartianModifier? HeaderFilter(MartianFieldReader fields)
    {
        var name = fields.HeaderName("name", readOnly: true);
        if (!fields.Reader.TryGet("value", out _))
        {
            // martian compares the value even when it is left out, so only an empty header would match.
            fields.Reader.Problems.Error(fields.Reader.PathOf("value"), "header.Filter needs 'value': martian matches only headers with exactly that value");
        }

        var value = fields.HeaderValue("value", name: null);
        return Filter(fields, new HeaderCondition(name ?? "", value));
    }

    private static MartianModifier? HeaderRegexFilter(MartianFieldReader fields)
    {
        var header = fields.HeaderName("header", readOnly: true);
        var regex = fields.Regex("regex");
        NoElse(fields);
        var then = Branch(fields, ModifierKey, required: true);
        return regex is null || then is null ? null : Both(fields, new HeaderRegexFilter(header ?? "", regex, then));
    }

    private static MartianModifier? QueryStringFilter(MartianFieldReader fields)
    {
        var name = fields.Required("name");
        var value = fields.Reader.String("value") ?? "";
        return Filter(fields, new QueryStringCondition(name ?? "", value));
    }

    private static MartianModifier? UrlFilter(MartianFieldReader fields)
    {
        var reader = fields.Reader;
        var condition = new UrlCondition(reader.String("scheme") ?? "", reader.String("host") ?? "", reader.String("path") ?? "", reader.String("query") ?? "");
        return Filter(fields, condition);
    }

    private static MartianModifier? UrlRegexFilter(MartianFieldReader fields)
    {
        var regex = fields.Regex("regex");
        return regex is null ? Filter(fields, condition: null) : Filter(fields, new UrlRegexCondition(regex));
    }

    private static MartianModifier? CookieFilter(MartianFieldReader fields)
    {
        var name = fields.Token("name", "a cookie name");
        var value = fields.Reader.String("value") ?? "";
        return Filter(fields, new CookieCondition(name ?? "", value));
    }

    private static MartianModifier? PortFilter(MartianFieldReader fields)
    {
        var port = fields.Port("port");
        if (port is null && !fields.Reader.Problems.HasErrorAt(fields.Reader.PathOf("port")))
        {
            fields.Reader.Problems.Error(fields.Reader.PathOf("port"), "port.Filter needs 'port'");
        }

        NoElse(fields);
        var then = Branch(fields, ModifierKey, required: true);
        return port is null || then is null ? null : Both(fields, new PortFilter(port.Value, then));
    }

    // A filter with a condition, its "modifier" and an optional "else".
    private static MartianModifier? Filter(MartianFieldReader fields, IMessageCondition? condition)
    {
        var then = Branch(fields, ModifierKey, required: true);
        var otherwise = Branch(fields, ElseKey, required: false);
        return condition is null || then is null ? null : Both(fields, new ConditionFilter(condition, then, otherwise));
    }

    private static MartianModifier? Branch(MartianFieldReader fields, string key, bool required) =>
        fields.TryGetObject(key, required, out var element, out var path) ? One(element, path, fields.Reader.Problems) : null;

    private static void NoElse(MartianFieldReader fields)
    {
        if (fields.Reader.TryGet(ElseKey, out _))
        {
            fields.Reader.Problems.Error(fields.Reader.PathOf(ElseKey), $"{fields.Type} has no 'else' in martian: use a filter that has one");
        }
    }

    // A group's "modifiers": each item is read by item() into its modifier's element, path and priority, then parsed.
    private static List<(MartianModifier Modifier, long Priority)> Children(
        MartianFieldReader fields, Func<(JsonElement Element, string Path), (JsonElement Element, string Path, long Priority)?> item)
    {
        var reader = fields.Reader;
        var path = reader.PathOf("modifiers");
        var children = new List<(MartianModifier, long)>();
        if (!reader.TryGet("modifiers", out var array))
        {
            reader.Problems.Error(path, $"{fields.Type} needs 'modifiers'");
            return children;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            reader.Problems.Error(path, "expected an array of modifiers, got " + JsonValueText.Describe(array));
            return children;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (item((element, JsonPaths.Index(path, index++))) is { } found
                && One(found.Element, found.Path, reader.Problems) is { } modifier)
            {
                children.Add((modifier, found.Priority));
            }
        }

        return children;
    }

    private static MartianModifier? Both<T>(MartianFieldReader fields, T modifier)
        where T : IRequestModifier, IResponseModifier =>
        Build(Scopes(fields, Scope.Both), modifier, modifier);

    private static MartianModifier Build(Scope scopes, IRequestModifier? request, IResponseModifier? response) =>
        new(scopes.HasFlag(Scope.Request) ? request : null, scopes.HasFlag(Scope.Response) ? response : null);

    [Flags]
    private enum Scope
    {
        Request = 1,
        Response = 2,
        Both = Request | Response,
    }

    // "scope": omitted means every scope the type serves; a scope it does not serve is an error, as in martian.
    private static Scope Scopes(MartianFieldReader fields, Scope served)
    {
        var reader = fields.Reader;
        if (!reader.TryGet(ScopeKey, out _))
        {
            return served;
        }

        var path = reader.PathOf(ScopeKey);
        var names = reader.Strings(ScopeKey);
        if (names.Count == 0 && !reader.Problems.HasErrorAt(path))
        {
            reader.Problems.Error(path, "an empty scope makes the modifier do nothing: give request, response or both, or leave scope out");
        }

        var scopes = (Scope)0;
        for (var i = 0; i < names.Count; i++)
        {
            var scope = names[i] switch
            {
                "request" => Scope.Request,
                "response" => Scope.Response,
                _ => (Scope)0,
            };
            if (scope == 0)
            {
                reader.Problems.Error(JsonPaths.Index(path, i), $"invalid scope '{names[i]}': want request or response");
            }
            else if (!served.HasFlag(scope))
            {
                reader.Problems.Error(JsonPaths.Index(path, i), $"{fields.Type} does not serve the {names[i]} scope; it serves only the {(served == Scope.Request ? "request" : "response")}");
            }

            scopes |= scope & served;
        }

        return scopes;
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
