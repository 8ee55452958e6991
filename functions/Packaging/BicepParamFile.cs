using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// The <c>main.bicepparam</c> written beside <c>main.parameters.json</c>, with the same values (<see cref="BicepParameters"/>):
/// its <c>using</c> names the template the package ships (<see cref="PackageLayout.Template"/>), so the Bicep compiler
/// checks every value against the template's types and decorators, and <c>az deployment group create -p main.bicepparam</c>
/// needs no <c>-f</c>.
/// </summary>
internal static class BicepParamFile
{
    /// <summary>The file for the <c>parameters</c> of a <c>main.parameters.json</c>, each <c>{"value": ...}</c>.</summary>
    public static string Write(JsonObject parameters)
    {
        var text = new StringBuilder();
        text.Append("// Parameters of ").Append(PackageLayout.Template).Append(", written by switchyard package (the same values as ")
            .Append(PackageLayout.BicepParameters).Append(").\n");
        text.Append("using '").Append(PackageLayout.Template).Append("'\n");
        foreach (var (name, parameter) in parameters)
        {
            text.Append("\nparam ").Append(name).Append(" = ");
            Append(text, parameter!["value"], indent: 0);
            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A JSON value as a Bicep literal: multi-line arrays and objects, as <c>bicep format</c> writes them.</summary>
    private static void Append(StringBuilder text, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                text.Append("{}");
                break;
            case JsonObject properties:
                text.Append("{\n");
                foreach (var (key, property) in properties)
                {
                    Indent(text, indent + 1).Append(IsIdentifier(key) ? key : Quote(key)).Append(": ");
                    Append(text, property, indent + 1);
                    text.Append('\n');
                }

                Indent(text, indent).Append('}');
                break;
            case JsonArray { Count: 0 }:
                text.Append("[]");
                break;
            case JsonArray items:
                text.Append("[\n");
                foreach (var item in items)
                {
                    Indent(text, indent + 1);
                    Append(text, item, indent + 1);
                    text.Append('\n');
                }

                Indent(text, indent).Append(']');
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                text.Append(Quote(scalar.GetValue<string>()));
                break;
            case JsonValue scalar when scalar.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                text.Append(scalar.GetValue<bool>() ? "true" : "false");
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number:
                // Integers only (Bicep has no other number): delivery counts and instance settings.
                text.Append(scalar.ToJsonString());
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static StringBuilder Indent(StringBuilder text, int indent) => text.Append(' ', indent * 2);

    private static bool IsIdentifier(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>A Bicep string: <c>\</c>, <c>'</c> and control characters escaped, and <c>${</c> so no interpolation starts.</summary>
    private static string Quote(string value)
    {
        var quoted = new StringBuilder("'");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '\\' => @"\\",
                '\'' => @"\'",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '$' => @"\$",
                < ' ' => $@"\u{{{(int)c:X}}}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('\'').ToString();
    }
}
