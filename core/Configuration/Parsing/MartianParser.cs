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
internal static partial class MartianParser
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
}
