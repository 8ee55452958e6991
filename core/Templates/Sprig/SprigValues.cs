using System.Globalization;

namespace Switchyard.Templates.Sprig;

/// <summary>
/// The conversions Sprig applies to <c>interface{}</c> arguments: <c>strval</c> and <c>strslice</c> (how a value becomes
/// text), <c>empty</c> (Go's zero values), spf13/cast's <c>ToInt64</c> and <c>ToFloat64</c> (lenient, 0 when a value
/// cannot be read) and <c>reflect.DeepEqual</c> (the equality of <c>has</c>, <c>uniq</c> and <c>without</c>).
/// </summary>
internal static class SprigValues
{
    /// <summary>Sprig's <c>strval</c>: a string as it is, anything else as <c>%v</c> prints it.</summary>
    public static string Text(object? value) => value as string ?? GoFormat.Print(value);

    /// <summary>
    /// Sprig's <c>strslice</c>: a list's items as text, nil items left out; nil is an empty list and any other value a
    /// list of its own text.
    /// </summary>
    public static List<string> Texts(object? value) => value switch
    {
        null => [],
        IReadOnlyList<object?> list => [.. list.Where(item => item is not null).Select(Text)],
        _ => [Text(value)],
    };

    /// <summary>Sprig's <c>empty</c>: nil, false, 0, and empty strings, lists and maps.</summary>
    public static bool IsEmpty(object? value) => !GoValues.IsTrue(value);

    /// <summary>A list argument (Go's slice or array), or a failure in Sprig's words (<c>Cannot find first on type int</c>).</summary>
    public static IReadOnlyList<object?> List(object? value, string what) => value as IReadOnlyList<object?>
        ?? throw new TemplateFunctionException($"Cannot {what} on type {GoValues.TypeName(value)}");

    /// <summary>spf13/cast's <c>ToInt64</c>: numbers truncated, booleans 1 or 0, strings parsed (Go's base prefixes too), else 0.</summary>
    public static long ToInt64(object? value) => value switch
    {
        long number => number,
        double number when double.IsFinite(number) => (long)number,
        bool flag => flag ? 1 : 0,
        string text => ParseInt(text),
        _ => 0,
    };

    /// <summary>spf13/cast's <c>ToFloat64</c>: numbers, booleans 1 or 0, strings parsed, else 0.</summary>
    public static double ToFloat64(object? value) => value switch
    {
        long number => number,
        double number => number,
        bool flag => flag ? 1 : 0,
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => 0,
    };

    /// <summary>Go's <c>reflect.DeepEqual</c> over the value model: the same type and the same contents.</summary>
    public static bool DeepEquals(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (IReadOnlyList<object?> a, IReadOnlyList<object?> b) => a.Count == b.Count && a.Zip(b).All(pair => DeepEquals(pair.First, pair.Second)),
        (IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b) =>
            a.Count == b.Count && a.All(entry => b.TryGetValue(entry.Key, out var other) && DeepEquals(entry.Value, other)),
        (IReadOnlyList<object?>, _) or (IReadOnlyDictionary<string, object?>, _) => false,
        _ => left is not null && right is not null && left.GetType() == right.GetType() && left.Equals(right),
    };

    // cast trims a zero decimal part ("5.0" reads as 5) and parses with base 0: 0x, 0o, 0b and leading-zero octal.
    private static long ParseInt(string text)
    {
        var trimmed = text;
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && trimmed[(dot + 1)..].All(c => c == '0'))
        {
            trimmed = trimmed[..dot];
        }

        return GoIntegers.TryParse(trimmed, out var number) ? number : 0;
    }
}
