namespace Switchyard.Templates.Sprig;

/// <summary>
/// Sprig's list functions. They never change the list they are given (<c>append</c> returns a new one); a value that
/// is not a list fails in Sprig's words (<c>Cannot find first on type string</c>); an empty list's <c>first</c> or
/// <c>last</c> is nil, as its <c>rest</c> and <c>initial</c> are.
/// </summary>
internal static class ListFunctions
{
    public static void AddTo(TemplateFunctions functions)
    {
        functions.Add("list", arguments => arguments.ToList());
        OneList(functions, "first", "find first", list => list.Count == 0 ? null : list[0]);
        OneList(functions, "last", "find last", list => list.Count == 0 ? null : list[^1]);
        OneList(functions, "rest", "find rest", list => list.Count == 0 ? null : list.Skip(1).ToList());
        OneList(functions, "initial", "find initial", list => list.Count == 0 ? null : list.Take(list.Count - 1).ToList());
        OneList(functions, "reverse", "find reverse", list => list.Reverse().ToList());
        OneList(functions, "compact", "compact", list => list.Where(item => !SprigValues.IsEmpty(item)).ToList());
        OneList(functions, "uniq", "find uniq", Unique);
        functions.Add("append", arguments =>
        {
            SprigArguments.Expect(arguments, "append", 2);
            return SprigValues.List(arguments[0], "push").Append(arguments[1]).ToList();
        });
        functions.Add("prepend", arguments =>
        {
            SprigArguments.Expect(arguments, "prepend", 2);
            return SprigValues.List(arguments[0], "prepend").Prepend(arguments[1]).ToList();
        });
        functions.Add("concat", arguments => arguments
            .SelectMany(argument => argument as IReadOnlyList<object?>
                ?? throw new TemplateFunctionException($"Cannot concat type {GoValues.TypeName(argument)} as list"))
            .ToList());
        functions.Add("has", arguments =>
        {
            SprigArguments.Expect(arguments, "has", 2);
            return arguments[1] is not null && SprigValues.List(arguments[1], "find has").Any(item => SprigValues.DeepEquals(item, arguments[0]));
        });
        functions.Add("without", arguments =>
        {
            SprigArguments.ExpectAtLeast(arguments, "without", 1);
            var omitted = arguments.Skip(1).ToList();
            return SprigValues.List(arguments[0], "find without")
                .Where(item => !omitted.Any(omit => SprigValues.DeepEquals(item, omit))).ToList();
        });
        functions.Add("sortAlpha", arguments =>
        {
            SprigArguments.Expect(arguments, "sortAlpha", 1);
            var texts = arguments[0] is IReadOnlyList<object?> list ? list.Select(SprigValues.Text).ToList() : [SprigValues.Text(arguments[0])];
            return texts.Order(StringComparer.Ordinal).Cast<object?>().ToList();
        });
        functions.Add("until", arguments =>
        {
            SprigArguments.Expect(arguments, "until", 1);
            var count = SprigArguments.Int(arguments, 0);
            return Step(0, count, count < 0 ? -1 : 1).Cast<object?>().ToList();
        });
        functions.Add("untilStep", arguments =>
        {
            SprigArguments.Expect(arguments, "untilStep", 3);
            return Step(SprigArguments.Int(arguments, 0), SprigArguments.Int(arguments, 1), SprigArguments.Int(arguments, 2)).Cast<object?>().ToList();
        });
        functions.Add("seq", arguments => string.Join(' ', Sequence(SprigArguments.Ints(arguments, 0))));
    }

    private static void OneList(TemplateFunctions functions, string name, string what, Func<IReadOnlyList<object?>, object?> body) =>
        functions.Add(name, arguments =>
        {
            SprigArguments.Expect(arguments, name, 1);
            return body(SprigValues.List(arguments[0], what));
        });

    private static List<object?> Unique(IReadOnlyList<object?> list)
    {
        var unique = new List<object?>();
        foreach (var item in list)
        {
            if (!unique.Any(seen => SprigValues.DeepEquals(seen, item)))
            {
                unique.Add(item);
            }
        }

        return unique;
    }

    // Sprig's untilStep: from start towards stop (excluded) by step; a step that never gets there gives nothing.
    private static IEnumerable<long> Step(long start, long stop, long step)
    {
        if (stop < start)
        {
            for (var i = start; step < 0 && i > stop; i += step)
            {
                yield return i;
            }

            yield break;
        }

        for (var i = start; step > 0 && i < stop; i += step)
        {
            yield return i;
        }
    }

    // Sprig's seq, after the shell's: `seq END` from 1, `seq START END`, `seq START STEP END`, counting down when END is lower.
    private static IEnumerable<long> Sequence(List<long> parameters)
    {
        switch (parameters.Count)
        {
            case 1:
                var increment = parameters[0] < 1 ? -1 : 1;
                return Step(1, parameters[0] + increment, increment);
            case 2:
                var direction = parameters[1] < parameters[0] ? -1 : 1;
                return Step(parameters[0], parameters[1] + direction, direction);
            case 3:
                var (start, step, end) = (parameters[0], parameters[1], parameters[2]);
                if (end < start && step > 0)
                {
                    return [];
                }

                return Step(start, end + (end < start ? -1 : 1), step);
            default:
                return [];
        }
    }
}
