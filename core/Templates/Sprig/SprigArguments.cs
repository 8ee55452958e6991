namespace Switchyard.Templates.Sprig;

/// <summary>
/// Reads a function's arguments as Go's template executor does before it calls a typed Go function: the count must
/// match, a <c>string</c> parameter takes only a string and an <c>int</c> parameter only an integer (a float64 from a
/// settings file is refused, as Go refuses it), each mistake reported with Go's wording.
/// </summary>
internal static class SprigArguments
{
    /// <summary>Exactly <paramref name="count"/> arguments.</summary>
    public static void Expect(IReadOnlyList<object?> arguments, string name, int count)
    {
        if (arguments.Count != count)
        {
            throw new TemplateFunctionException($"wrong number of args for {name}: want {count} got {arguments.Count}");
        }
    }

    /// <summary>At least <paramref name="count"/> arguments (a variadic function's fixed ones).</summary>
    public static void ExpectAtLeast(IReadOnlyList<object?> arguments, string name, int count)
    {
        if (arguments.Count < count)
        {
            throw new TemplateFunctionException($"wrong number of args for {name}: want at least {count} got {arguments.Count}");
        }
    }

    public static string String(IReadOnlyList<object?> arguments, int index) => arguments[index] switch
    {
        string text => text,
        var other => throw WrongType(index, "string", other),
    };

    public static long Int(IReadOnlyList<object?> arguments, int index) => arguments[index] switch
    {
        long number => number,
        var other => throw WrongType(index, "int", other),
    };

    public static bool Bool(IReadOnlyList<object?> arguments, int index) => arguments[index] switch
    {
        bool value => value,
        var other => throw WrongType(index, "bool", other),
    };

    /// <summary>A <c>map[string]interface{}</c> parameter.</summary>
    public static IReadOnlyDictionary<string, object?> Map(IReadOnlyList<object?> arguments, int index) => arguments[index] switch
    {
        IReadOnlyDictionary<string, object?> map => map,
        var other => throw WrongType(index, "map[string]interface {}", other),
    };

    /// <summary>A map the function changes in place, as Go's functions change the map they are given.</summary>
    public static IDictionary<string, object?> MutableMap(IReadOnlyList<object?> arguments, int index) => arguments[index] switch
    {
        IDictionary<string, object?> map => map,
        var other => throw WrongType(index, "map[string]interface {}", other),
    };

    /// <summary>The variadic <c>...string</c> tail from <paramref name="start"/>.</summary>
    public static IEnumerable<string> Strings(IReadOnlyList<object?> arguments, int start)
    {
        for (var i = start; i < arguments.Count; i++)
        {
            yield return String(arguments, i);
        }
    }

    /// <summary>The variadic <c>...int</c> tail from <paramref name="start"/>.</summary>
    public static List<long> Ints(IReadOnlyList<object?> arguments, int start)
    {
        var ints = new List<long>(arguments.Count);
        for (var i = start; i < arguments.Count; i++)
        {
            ints.Add(Int(arguments, i));
        }

        return ints;
    }

    // Go refuses nil for a parameter that cannot be nil with its own words.
    private static TemplateFunctionException WrongType(int index, string expected, object? value) => value is null
        ? new TemplateFunctionException($"invalid value; expected {expected}")
        : TemplateFunctionException.WrongType(index, expected, value);
}
