using System.Text.Json;

namespace Switchyard.Templates.Sprig;

/// <summary>
/// Sprig's JSON functions: <c>toJson</c> (Go's <c>json.Marshal</c>: compact, sorted keys, <c>&lt;&gt;&amp;</c> escaped),
/// <c>toPrettyJson</c> (two-space indent) and <c>fromJson</c>. Like Sprig, a value JSON cannot hold gives the empty
/// string and text that is not JSON gives nil; the <c>must</c> forms are the ones that fail.
/// </summary>
internal static class JsonFunctions
{
    public static void AddTo(TemplateFunctions functions)
    {
        functions.Add("toJson", arguments => Marshal(arguments, "toJson", indent: null) ?? "");
        functions.Add("toPrettyJson", arguments => Marshal(arguments, "toPrettyJson", indent: "  ") ?? "");
        functions.Add("toRawJson", arguments => Marshal(arguments, "toRawJson", indent: null, escapeHtml: false) ?? "");
        functions.Add("mustToJson", arguments => Marshal(arguments, "mustToJson", indent: null) ?? throw Unsupported(arguments[0]));
        functions.Add("mustToPrettyJson", arguments => Marshal(arguments, "mustToPrettyJson", indent: "  ") ?? throw Unsupported(arguments[0]));
        functions.Add("fromJson", arguments => FromJson(arguments, "fromJson", must: false));
        functions.Add("mustFromJson", arguments => FromJson(arguments, "mustFromJson", must: true));
    }

    private static string? Marshal(IReadOnlyList<object?> arguments, string name, string? indent, bool escapeHtml = true)
    {
        SprigArguments.Expect(arguments, name, 1);
        return GoJson.Marshal(arguments[0], indent, escapeHtml);
    }

    private static object? FromJson(IReadOnlyList<object?> arguments, string name, bool must)
    {
        SprigArguments.Expect(arguments, name, 1);
        try
        {
            return JsonValues.Parse(SprigArguments.String(arguments, 0));
        }
        catch (JsonException) when (!must)
        {
            return null;
        }
        catch (JsonException e)
        {
            throw new TemplateFunctionException(e.Message);
        }
    }

    private static TemplateFunctionException Unsupported(object? value) =>
        new($"json: unsupported value: {GoFormat.Print(value)}");
}
