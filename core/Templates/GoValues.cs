using System.Text.Json;

namespace Switchyard.Templates;

/// <summary>
/// The template value model and Go's rules over it. Templates see, and functions receive and return, only:
/// <c>null</c> (Go's nil), <see cref="bool"/>, <see cref="long"/> (Go's int, and integer constants in templates),
/// <see cref="double"/> (Go's float64: every JSON number, as Go's encoding/json decodes them), <see cref="string"/>,
/// <see cref="IReadOnlyList{T}"/> of <c>object?</c> (a slice; functions return <see cref="List{T}"/>) and
/// <see cref="IReadOnlyDictionary{TKey,TValue}"/> of string to <c>object?</c> (a <c>map[string]interface{}</c>; functions
/// return <see cref="Dictionary{TKey,TValue}"/>), plus <see cref="TemplateFunction"/> values for <c>call</c>.
/// </summary>
public static class GoValues
{
    /// <summary>Go's truth: false, 0, nil, and empty strings, slices and maps are false; everything else is true.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length != 0,
        IReadOnlyList<object?> list => list.Count != 0,
        IReadOnlyDictionary<string, object?> map => map.Count != 0,
        _ => true,
    };

    /// <summary>Go's <c>len</c>: the length of a string (in bytes, as Go counts), a slice or a map.</summary>
    /// <exception cref="TemplateFunctionException">The value has no length.</exception>
    public static long Length(object? value) => value switch
    {
        string s => System.Text.Encoding.UTF8.GetByteCount(s),
        IReadOnlyList<object?> list => list.Count,
        IReadOnlyDictionary<string, object?> map => map.Count,
        null => throw new TemplateFunctionException("len of nil pointer"),
        _ => throw new TemplateFunctionException($"len of type {TypeName(value)}"),
    };

    /// <summary>
    /// Go's <c>eq arg1 arg2</c>: basic values of the same kind compare by value (an int never equals a float64: Go
    /// refuses to compare them), nil equals only nil, and slices and maps cannot be compared except with nil.
    /// </summary>
    /// <exception cref="TemplateFunctionException">The values cannot be compared.</exception>
    public static bool AreEqual(object? left, object? right)
    {
        var leftKind = BasicKind(left);
        var rightKind = BasicKind(right);
        if (leftKind != rightKind)
        {
            if (left is not null && right is not null)
            {
                throw new TemplateFunctionException($"incompatible types for comparison: {TypeName(left)} and {TypeName(right)}");
            }
            return false;
        }
        switch (leftKind)
        {
            case Kind.Bool:
                return (bool)left! == (bool)right!;
            case Kind.Int:
                return (long)left! == (long)right!;
            case Kind.Float:
                return (double)left! == (double)right!;
            case Kind.String:
                return string.Equals((string)left!, (string)right!, StringComparison.Ordinal);
        }
        if (left is null || right is null)
        {
            return left is null && right is null;
        }
        if (left.GetType() != right.GetType() && !(left is IReadOnlyList<object?> && right is IReadOnlyList<object?>) &&
            !(left is IReadOnlyDictionary<string, object?> && right is IReadOnlyDictionary<string, object?>))
        {
            throw new TemplateFunctionException(
                $"non-comparable types {GoFormat.Print(left)}: {TypeName(left)}, {TypeName(right)}: {GoFormat.Print(right)}");
        }
        throw new TemplateFunctionException($"non-comparable type {GoFormat.Print(right)}: {TypeName(right)}");
    }

    /// <summary>Go's <c>lt</c>: ints, floats and strings order within their kind; anything else cannot be ordered.</summary>
    /// <exception cref="TemplateFunctionException">The values cannot be ordered.</exception>
    public static bool IsLess(object? left, object? right)
    {
        var leftKind = BasicKind(left);
        var rightKind = BasicKind(right);
        if (leftKind == Kind.None || rightKind == Kind.None)
        {
            throw new TemplateFunctionException("invalid type for comparison");
        }
        if (leftKind != rightKind)
        {
            throw new TemplateFunctionException($"incompatible types for comparison: {TypeName(left)} and {TypeName(right)}");
        }
        return leftKind switch
        {
            Kind.Int => (long)left! < (long)right!,
            Kind.Float => (double)left! < (double)right!,
            Kind.String => string.CompareOrdinal((string)left!, (string)right!) < 0,
            _ => throw new TemplateFunctionException("invalid type for comparison"),
        };
    }

    /// <summary>A map's keys in Go's printing and ranging order (byte order of the strings).</summary>
    public static string[] SortedKeys(IReadOnlyDictionary<string, object?> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var keys = new string[map.Count];
        var i = 0;
        foreach (var key in map.Keys)
        {
            keys[i++] = key;
        }
        Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }

    /// <summary>
    /// The template value of a JSON document, as Go's <c>encoding/json</c> decodes into <c>interface{}</c>: objects
    /// become maps, arrays slices, and every number a float64 (<c>double</c>).
    /// </summary>
    public static object? FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = FromJson(property.Value);
                }
                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromJson(item));
                }
                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>Brings a function's result into the value model: other integer and float types become long and double.</summary>
    internal static object? Normalize(object? value) => value switch
    {
        int i => (long)i,
        float f => (double)f,
        _ => value,
    };

    private enum Kind
    {
        None,
        Bool,
        Int,
        Float,
        String,
    }

    private static Kind BasicKind(object? value) => value switch
    {
        bool => Kind.Bool,
        long => Kind.Int,
        double => Kind.Float,
        string => Kind.String,
        _ => Kind.None,
    };

    /// <summary>The Go type name of a value, as Go's errors and <c>%T</c> print it.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        bool => "bool",
        long => "int",
        double => "float64",
        string => "string",
        IReadOnlyList<object?> => "[]interface {}",
        IReadOnlyDictionary<string, object?> => "map[string]interface {}",
        TemplateFunction => "func(...interface {}) (interface {}, error)",
        _ => value.GetType().Name,
    };
}
