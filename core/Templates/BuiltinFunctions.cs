namespace Switchyard.Templates;

/// <summary>
/// Go's predefined template functions. <c>and</c>, <c>or</c> and <c>call</c> are special forms the executor runs
/// itself (short-circuit evaluation, calling a function value); their delegates here only identify them.
/// </summary>
internal static class BuiltinFunctions
{
    public static readonly TemplateFunction And = _ => throw new InvalidOperationException("and is evaluated by the executor");

    public static readonly TemplateFunction Or = _ => throw new InvalidOperationException("or is evaluated by the executor");

    public static readonly TemplateFunction Call = _ => throw new InvalidOperationException("call is evaluated by the executor");

    public static void AddTo(TemplateFunctions functions)
    {
        functions.Add("and", And, 1, isVariadic: true);
        functions.Add("or", Or, 1, isVariadic: true);
        functions.Add("call", Call, 1, isVariadic: true);
        functions.Add("not", arguments => !GoValues.IsTrue(arguments[0]), 1);
        functions.Add("len", arguments => GoValues.Length(arguments[0]), 1);
        functions.Add("index", Index, 1, isVariadic: true);
        functions.Add("slice", Slice, 1, isVariadic: true);
        functions.Add("print", GoFormat.Sprint, 0, isVariadic: true);
        functions.Add("println", GoFormat.Sprintln, 0, isVariadic: true);
        functions.Add("printf", Printf, 1, isVariadic: true);
        functions.Add("html", arguments => GoEscapers.Html(EscaperText(arguments)), 0, isVariadic: true);
        functions.Add("js", arguments => GoEscapers.JavaScript(EscaperText(arguments)), 0, isVariadic: true);
        functions.Add("urlquery", arguments => GoEscapers.UrlQuery(EscaperText(arguments)), 0, isVariadic: true);
        functions.Add("eq", Equal, 1, isVariadic: true);
        functions.Add("ne", arguments => !GoValues.AreEqual(arguments[0], arguments[1]), 2);
        functions.Add("lt", arguments => GoValues.IsLess(arguments[0], arguments[1]), 2);
        functions.Add("le", arguments => LessOrEqual(arguments[0], arguments[1]), 2);
        functions.Add("gt", arguments => !LessOrEqual(arguments[0], arguments[1]), 2);
        functions.Add("ge", arguments => !GoValues.IsLess(arguments[0], arguments[1]), 2);
    }

    // eq a b c ... is a == b || a == c || ...
    private static object Equal(IReadOnlyList<object?> arguments)
    {
        if (arguments.Count < 2)
        {
            throw new TemplateFunctionException("missing argument for comparison");
        }
        for (var i = 1; i < arguments.Count; i++)
        {
            if (GoValues.AreEqual(arguments[0], arguments[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool LessOrEqual(object? left, object? right) =>
        GoValues.IsLess(left, right) || GoValues.AreEqual(left, right);

    private static object Printf(IReadOnlyList<object?> arguments) => arguments[0] is string format
        ? GoFormat.Sprintf(format, [.. arguments.Skip(1)])
        : throw TemplateFunctionException.WrongType(0, "string", arguments[0]);

    // index x 1 2 is x[1][2]; a missing map key gives nil (the zero value of the map's elements).
    private static object? Index(IReadOnlyList<object?> arguments)
    {
        var item = arguments[0] ?? throw new TemplateFunctionException("index of untyped nil");
        for (var i = 1; i < arguments.Count; i++)
        {
            var index = arguments[i];
            switch (item)
            {
                case null:
                    throw new TemplateFunctionException("index of nil pointer");
                case IReadOnlyList<object?> list:
                    item = list[InRange(IndexArgument(index, list.Count), list.Count, "slice")];
                    break;
                case string text:
                    var bytes = System.Text.Encoding.UTF8.GetBytes(text);
                    item = (long)bytes[InRange(IndexArgument(index, bytes.Length), bytes.Length, "string")];
                    break;
                case IReadOnlyDictionary<string, object?> map:
                    if (index is not string key)
                    {
                        throw new TemplateFunctionException(index is null
                            ? "value is nil; should be of type string"
                            : $"value has type {GoValues.TypeName(index)}; should be string");
                    }
                    item = map.TryGetValue(key, out var value) ? value : null;
                    break;
                default:
                    throw new TemplateFunctionException($"can't index item of type {GoValues.TypeName(item)}");
            }
        }
        return item;
    }

    // slice x 1 2 is x[1:2]; strings slice by bytes, as Go's do.
    private static object Slice(IReadOnlyList<object?> arguments)
    {
        var item = arguments[0] ?? throw new TemplateFunctionException("slice of untyped nil");
        var indexes = arguments.Count - 1;
        if (indexes > 3)
        {
            throw new TemplateFunctionException($"too many slice indexes: {indexes}");
        }
        int length;
        switch (item)
        {
            case string text:
                if (indexes == 3)
                {
                    throw new TemplateFunctionException("cannot 3-index slice a string");
                }
                length = System.Text.Encoding.UTF8.GetByteCount(text);
                break;
            case IReadOnlyList<object?> list:
                length = list.Count;
                break;
            default:
                throw new TemplateFunctionException($"can't slice item of type {GoValues.TypeName(item)}");
        }
        int[] bounds = [0, length, length];
        for (var i = 0; i < indexes; i++)
        {
            bounds[i] = IndexArgument(arguments[i + 1], length);
        }
        if (bounds[0] > bounds[1])
        {
            throw new TemplateFunctionException($"invalid slice index: {bounds[0]} > {bounds[1]}");
        }
        if (indexes == 3 && bounds[1] > bounds[2])
        {
            throw new TemplateFunctionException($"invalid slice index: {bounds[1]} > {bounds[2]}");
        }
        if (item is string s)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(s);
            return System.Text.Encoding.UTF8.GetString(bytes, bounds[0], bounds[1] - bounds[0]);
        }
        var source = (IReadOnlyList<object?>)item;
        var result = new List<object?>(bounds[1] - bounds[0]);
        for (var i = bounds[0]; i < bounds[1]; i++)
        {
            result.Add(source[i]);
        }
        return result;
    }

    // Go's index accepts an index equal to the length and then fails in reflection, with reflection's words.
    private static int InRange(int index, int length, string kind) =>
        index < length ? index : throw new TemplateFunctionException($"reflect: {kind} index out of range");

    // Go's indexArg: an int from 0 to max inclusive.
    private static int IndexArgument(object? index, int max) => index switch
    {
        long value when value >= 0 && value <= max => (int)value,
        long value => throw new TemplateFunctionException($"index out of range: {value}"),
        null => throw new TemplateFunctionException("cannot index slice/array with nil"),
        _ => throw new TemplateFunctionException($"cannot index slice/array with type {GoValues.TypeName(index)}"),
    };

    // Go's evalArgs: one string argument as it is, anything else as fmt.Sprint prints it, except that nil is
    // "<no value>" there (the template's printing, not fmt's).
    private static string EscaperText(IReadOnlyList<object?> arguments) =>
        arguments is [string text] ? text : GoFormat.Sprint([.. arguments.Select(argument => argument ?? "<no value>")]);
}
