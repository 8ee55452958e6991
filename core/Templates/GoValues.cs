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

    /// <summary>Go's <c>eq arg1 arg2</c> for two values.</summary>
    /// <exception cref="TemplateFunctionException">The values cannot be compared (e.g. an int with a float64).</exception>
    public static bool AreEqual(object? left, object? right) => throw new NotImplementedException();

    /// <summary>Go's <c>lt</c>: whether <paramref name="left"/> orders before <paramref name="right"/>.</summary>
    /// <exception cref="TemplateFunctionException">The values cannot be ordered.</exception>
    public static bool IsLess(object? left, object? right) => throw new NotImplementedException();

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
