using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Policies.Cel;

/// <summary>Converts between the .NET values an activation supplies and CEL values.</summary>
internal static class CelValueConverter
{
    private static readonly Func<string, CelValue> FromStringItem = CelValue.FromString;
    private static readonly Func<string[], CelValue> FromStringArray = static values => CelValue.FromList(new CelClrList<string>(values, FromStringItem));

    // A JSON number is an int when it is integral and fits, as a Go gateway reading JSON into CEL would compare it.
    private const double TwoToThe63 = 9223372036854775808.0;

    /// <summary>Converts a value supplied by an activation; an unsupported .NET type is an error value.</summary>
    public static CelValue FromClr(object? value) => value switch
    {
        null => CelValue.Null,
        string text => CelValue.FromString(text),
        bool flag => CelValue.FromBool(flag),
        long number => CelValue.FromInt(number),
        int number => CelValue.FromInt(number),
        ulong number => CelValue.FromUint(number),
        uint number => CelValue.FromUint(number),
        double number => CelValue.FromDouble(number),
        float number => CelValue.FromDouble(number),
        DateTimeOffset instant => CelValue.FromTimestampTicks(instant.UtcTicks),
        TimeSpan span => CelValue.FromDurationTicks(span.Ticks),
        byte[] bytes => CelValue.FromBytes(bytes),
        JsonNode node => FromJson(node),
        IReadOnlyDictionary<string, string> map => CelValue.FromMap(new CelClrMap<string>(map, FromStringItem)),
        IReadOnlyDictionary<string, string[]> map => CelValue.FromMap(new CelClrMap<string[]>(map, FromStringArray)),
        IReadOnlyList<string> list => CelValue.FromList(new CelClrList<string>(list, FromStringItem)),
        IReadOnlyDictionary<string, object?> map => CelValue.FromMap(new CelClrMap<object?>(map, FromClr)),
        IReadOnlyList<object?> list => CelValue.FromList(new CelClrList<object?>(list, FromClr)),
        _ => CelValue.Error($"unsupported value type '{value.GetType().Name}'"),
    };

    /// <summary>Converts JSON: objects are maps, arrays lists, numbers ints when integral and in range else doubles.</summary>
    public static CelValue FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return CelValue.Null;
            case JsonObject json:
                return CelValue.FromMap(new CelJsonMap(json));
            case JsonArray json:
                return CelValue.FromList(new CelJsonList(json));
        }

        var value = node.AsValue();
        return value.GetValueKind() switch
        {
            JsonValueKind.String => CelValue.FromString(value.GetValue<string>()),
            JsonValueKind.True => CelValue.True,
            JsonValueKind.False => CelValue.False,
            JsonValueKind.Number => FromJsonNumber(value),
            _ => CelValue.Null,
        };
    }

    private static CelValue FromJsonNumber(JsonValue value)
    {
        if (value.TryGetValue<long>(out var whole))
        {
            return CelValue.FromInt(whole);
        }

        if (value.TryGetValue<int>(out var small))
        {
            return CelValue.FromInt(small);
        }

        // Values built in code hold their own .NET type; their JSON text is the common ground.
        var number = value.TryGetValue<double>(out var real) ? real : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
        return number == Math.Floor(number) && number >= -TwoToThe63 && number < TwoToThe63
            ? CelValue.FromInt((long)number)
            : CelValue.FromDouble(number);
    }

    /// <summary>Converts a result back to .NET: lists become <see cref="List{T}"/>, maps <see cref="Dictionary{TKey, TValue}"/>.</summary>
    /// <exception cref="CelEvaluationException">The value is an error.</exception>
    public static object? ToClr(in CelValue value)
    {
        switch (value.Kind)
        {
            case CelValueKind.Bool:
                return value.AsBool;
            case CelValueKind.Int:
                return value.AsInt;
            case CelValueKind.Uint:
                return value.AsUint;
            case CelValueKind.Double:
                return value.AsDouble;
            case CelValueKind.String:
                return value.AsString;
            case CelValueKind.Bytes:
                return value.AsBytes;
            case CelValueKind.Timestamp:
                return new DateTimeOffset(value.AsTicks, TimeSpan.Zero);
            case CelValueKind.Duration:
                return TimeSpan.FromTicks(value.AsTicks);
            case CelValueKind.List:
                var list = value.AsList;
                var items = new List<object?>(list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    items.Add(ToClr(list[i]));
                }

                return items;
            case CelValueKind.Map:
                var map = value.AsMap;
                var entries = new Dictionary<object, object?>(map.Count);
                foreach (var key in map.Keys)
                {
                    map.TryGetValue(key, out var item);
                    entries[ToClr(key)!] = ToClr(item);
                }

                return entries;
            case CelValueKind.Error:
                throw new CelEvaluationException(value.ErrorMessage);
            default:
                return null;
        }
    }
}
