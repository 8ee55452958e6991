namespace Switchyard.Templates;

/// <summary>
/// The functions a <see cref="TemplateSet"/> knows by name (Go's <c>FuncMap</c>). Names are checked when a template is
/// parsed, as Go does, so add every function before parsing.
/// </summary>
public sealed class TemplateFunctions
{
    private readonly Dictionary<string, TemplateFunctionEntry> _functions = new(StringComparer.Ordinal);

    /// <summary>A new map holding Go's built-in functions; callers add theirs.</summary>
    public static TemplateFunctions Builtins()
    {
        var functions = new TemplateFunctions();
        BuiltinFunctions.AddTo(functions);
        return functions;
    }

    /// <summary>
    /// Adds <paramref name="function"/> as <paramref name="name"/>, replacing a function of that name. It receives the
    /// arguments however many there are; the overload with a parameter count lets the executor refuse a wrong count
    /// with Go's words.
    /// </summary>
    public void Add(string name, TemplateFunction function) => Add(name, function, -1, isVariadic: false);

    /// <summary>
    /// Adds <paramref name="function"/>, which takes exactly <paramref name="parameters"/> arguments, or at least that
    /// many when <paramref name="isVariadic"/> (Go's <c>func(a, b T, rest ...T)</c> has 2, variadic). A call with another
    /// count fails as Go's does: <c>wrong number of args for NAME: want 2 got 1</c>.
    /// </summary>
    public void Add(string name, TemplateFunction function, int parameters, bool isVariadic = false)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (!IsIdentifier(name))
        {
            throw new ArgumentException($"function name \"{name}\" is not a valid identifier", nameof(name));
        }
        _functions[name] = new TemplateFunctionEntry(function, parameters, isVariadic);
    }

    /// <summary>Finds the function called <paramref name="name"/>.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TemplateFunction? function)
    {
        function = _functions.TryGetValue(name, out var entry) ? entry.Function : null;
        return function is not null;
    }

    internal bool TryGetEntry(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TemplateFunctionEntry? entry) =>
        _functions.TryGetValue(name, out entry);

    /// <summary>Whether a function called <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => _functions.ContainsKey(name);

    // Go's goodName: a letter or underscore, then letters, digits and underscores.
    private static bool IsIdentifier(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!(c == '_' || char.IsLetter(c) || (i > 0 && char.IsDigit(c))))
            {
                return false;
            }
        }
        return true;
    }
}
