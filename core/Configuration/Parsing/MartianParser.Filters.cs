using Switchyard.Core.Modifiers.Martian;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>The filters of a <c>modifier/martian</c> tree: a condition, its <c>modifier</c> and, where martian has one, its <c>else</c>.</summary>
internal static partial class MartianParser
{
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
}
