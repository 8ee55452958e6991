using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// A claim's value as text, the way KrakenD writes claims into headers and <c>url_pattern</c>s: a string as it is; a
/// number that is integral (within 1e-6) as an integer (<c>1651529725</c>, <c>4.0000001</c> → <c>4</c>), any other
/// with six decimals (<c>-42.420000</c>); an array's elements joined with commas; an object (and <c>true</c>,
/// <c>false</c>, <c>null</c>) as compact JSON with sorted keys.
/// </summary>
/// <remarks>
/// KrakenD formats the elements of an array with Go's <c>%v</c> (<c>1e+06</c>, <c>map[a:1]</c>); Switchyard formats
/// each element like a single value instead, so <c>[1000000]</c> gives <c>1000000</c>.
/// </remarks>
public static class ClaimText
{
    private const double Epsilon = 1e-6;

    /// <summary>The text of <paramref name="value"/>.</summary>
    public static string Of(JsonNode? value) => value switch
    {
        JsonArray array => string.Join(',', array.Select(Of)),
        _ => Scalar(value),
    };

    /// <summary>The values <c>propagate_claims_preserve_array</c> sends: one per element of an array, else one.</summary>
    public static string[] ValuesOf(JsonNode? value) => value is JsonArray array ? [.. array.Select(Of)] : [Scalar(value)];

    private static string Scalar(JsonNode? value)
    {
        if (value is JsonValue scalar)
        {
            switch (scalar.GetValueKind())
            {
                case JsonValueKind.String:
                    return scalar.GetValue<string>();
                case JsonValueKind.Number:
                    return Number(JsonScalar.GetNumberText(scalar));
            }
        }

        return Json(value);
    }

    private static string Number(string literal)
    {
        var number = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        var rounded = Math.Round(number, MidpointRounding.AwayFromZero);
        return Math.Abs(number - rounded) <= Epsilon && Math.Abs(rounded) < 9.2e18
            ? ((long)rounded).ToString(CultureInfo.InvariantCulture)
            : number.ToString("F6", CultureInfo.InvariantCulture);
    }

    private static string Json(JsonNode? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        SortedJsonWriter.Write(value, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
