namespace Switchyard.Templates;

/// <summary>
/// The functions a <see cref="TemplateSet"/> knows by name (Go's <c>FuncMap</c>). Names are checked when a template is
/// parsed, as Go does, so add every function before parsing.
/// </summary>
public sealed class TemplateFunctions
{
    private readonly Dictionary<string, TemplateFunction> _functions = new(StringComparer.Ordinal);

    /// <summary>A new map holding Go's built-in functions; callers add theirs.</summary>
    public static TemplateFunctions Builtins()
    {
        var functions = new TemplateFunctions();
        BuiltinFunctions.AddTo(functions);
        return functions;
    }

    /// <summary>Adds <paramref name="function"/> as <paramref name="name"/>, replacing a function of that name.</summary>
    public void Add(string name, TemplateFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (!IsIdentifier(name))
        {
            throw new ArgumentException($"function name \"{name}\" is not a valid identifier", nameof(name));
        }
        _functions[name] = function;
    }

    /// <summary>Finds the function called <paramref name="name"/>.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TemplateFunction? function) =>
        _functions.TryGetValue(name, out function);

    /// <summary>Whether a function called <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => _functions.ContainsKey(name);

    /// <summary>The names known, for diagnostics.</summary>
    public IEnumerable<string> Names => _functions.Keys;

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
