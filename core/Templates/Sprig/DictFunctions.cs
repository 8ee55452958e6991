namespace Switchyard.Templates.Sprig;

/// <summary>
/// Sprig's dictionary functions. As in Go, <c>set</c>, <c>unset</c>, <c>merge</c> and <c>mergeOverwrite</c> change the
/// map they are given and return it. <c>keys</c> and <c>values</c> are in sorted key order here (Sprig's follow Go's
/// random map order), so a rendered configuration is the same on every run.
/// </summary>
internal static class DictFunctions
{
    public static void AddTo(TemplateFunctions functions)
    {
        functions.Add("dict", arguments =>
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < arguments.Count; i += 2)
            {
                map[SprigValues.Text(arguments[i])] = i + 1 < arguments.Count ? arguments[i + 1] : "";
            }

            return map;
        });
        functions.Add("get", arguments =>
        {
            SprigArguments.Expect(arguments, "get", 2);
            return SprigArguments.Map(arguments, 0).TryGetValue(SprigArguments.String(arguments, 1), out var value) ? value : "";
        });
        functions.Add("set", arguments =>
        {
            SprigArguments.Expect(arguments, "set", 3);
            var map = SprigArguments.MutableMap(arguments, 0);
            map[SprigArguments.String(arguments, 1)] = arguments[2];
            return map;
        });
        functions.Add("unset", arguments =>
        {
            SprigArguments.Expect(arguments, "unset", 2);
            var map = SprigArguments.MutableMap(arguments, 0);
            map.Remove(SprigArguments.String(arguments, 1));
            return map;
        });
        functions.Add("hasKey", arguments =>
        {
            SprigArguments.Expect(arguments, "hasKey", 2);
            return SprigArguments.Map(arguments, 0).ContainsKey(SprigArguments.String(arguments, 1));
        });
        functions.Add("keys", arguments => Maps(arguments, 0)
            .SelectMany(map => map.Keys).Order(StringComparer.Ordinal).Cast<object?>().ToList());
        functions.Add("values", arguments =>
        {
            SprigArguments.Expect(arguments, "values", 1);
            var map = SprigArguments.Map(arguments, 0);
            return map.Keys.Order(StringComparer.Ordinal).Select(key => map[key]).ToList();
        });
        functions.Add("pick", arguments =>
        {
            SprigArguments.ExpectAtLeast(arguments, "pick", 1);
            var map = SprigArguments.Map(arguments, 0);
            var picked = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var key in SprigArguments.Strings(arguments, 1))
            {
                if (map.TryGetValue(key, out var value))
                {
                    picked[key] = value;
                }
            }

            return picked;
        });
        functions.Add("omit", arguments =>
        {
            SprigArguments.ExpectAtLeast(arguments, "omit", 1);
            var omitted = SprigArguments.Strings(arguments, 1).ToHashSet(StringComparer.Ordinal);
            return SprigArguments.Map(arguments, 0).Where(entry => !omitted.Contains(entry.Key))
                .ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
        });
        functions.Add("merge", arguments => Merge(arguments, "merge", overwrite: false));
        functions.Add("mergeOverwrite", arguments => Merge(arguments, "mergeOverwrite", overwrite: true));
        functions.Add("dig", Dig);
    }

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Maps(IReadOnlyList<object?> arguments, int start)
    {
        for (var i = start; i < arguments.Count; i++)
        {
            yield return SprigArguments.Map(arguments, i);
        }
    }

    private static IDictionary<string, object?> Merge(IReadOnlyList<object?> arguments, string name, bool overwrite)
    {
        SprigArguments.ExpectAtLeast(arguments, name, 1);
        var destination = SprigArguments.MutableMap(arguments, 0);
        foreach (var source in Maps(arguments, 1))
        {
            MergeInto(destination, source, overwrite);
        }

        return destination;
    }

    // mergo's rules for map[string]interface{}: maps on both sides merge key by key; otherwise the source value is
    // taken when the destination lacks the key or holds an empty value, and always with overwrite.
    private static void MergeInto(IDictionary<string, object?> destination, IReadOnlyDictionary<string, object?> source, bool overwrite)
    {
        foreach (var (key, value) in source)
        {
            destination.TryGetValue(key, out var existing);
            if (existing is IDictionary<string, object?> nested && value is IReadOnlyDictionary<string, object?> incoming)
            {
                MergeInto(nested, incoming, overwrite);
            }
            else if (overwrite || !destination.ContainsKey(key) || SprigValues.IsEmpty(existing))
            {
                destination[key] = value;
            }
        }
    }

    // dig "a" "b" "default" $map: the value at a.b, or the default when a key is missing on the way.
    private static object? Dig(IReadOnlyList<object?> arguments)
    {
        if (arguments.Count < 3)
        {
            throw new TemplateFunctionException("dig needs at least three arguments");
        }

        var map = SprigArguments.Map(arguments, arguments.Count - 1);
        var fallback = arguments[^2];
        for (var i = 0; i < arguments.Count - 2; i++)
        {
            if (!map.TryGetValue(SprigArguments.String(arguments, i), out var step))
            {
                return fallback;
            }

            if (i == arguments.Count - 3)
            {
                return step;
            }

            map = step as IReadOnlyDictionary<string, object?>
                ?? throw new TemplateFunctionException($"interface conversion: interface {{}} is {GoValues.TypeName(step)}, not map[string]interface {{}}");
        }

        return fallback;
    }
}
