namespace Switchyard.Templates.Sprig;

/// <summary>
/// Sprig's integer math: every operand is read as an int64 the lenient way (<c>add 1 "2" 3.9</c> is 6), and the result
/// is an int64. Dividing by zero fails as Go's runtime does.
/// </summary>
internal static class MathFunctions
{
    public static void AddTo(TemplateFunctions functions)
    {
        functions.Add("add", arguments => arguments.Sum(SprigValues.ToInt64));
        functions.Add("mul", arguments => arguments.Aggregate(1L, (product, value) => product * SprigValues.ToInt64(value)));
        functions.Add("add1", arguments =>
        {
            SprigArguments.Expect(arguments, "add1", 1);
            return SprigValues.ToInt64(arguments[0]) + 1;
        });
        Two(functions, "sub", (a, b) => a - b);
        Two(functions, "div", (a, b) => b == 0 ? throw DivideByZero() : a / b);
        Two(functions, "mod", (a, b) => b == 0 ? throw DivideByZero() : a % b);
        functions.Add("max", arguments =>
        {
            SprigArguments.ExpectAtLeast(arguments, "max", 1);
            return arguments.Max(SprigValues.ToInt64);
        });
        functions.Add("min", arguments =>
        {
            SprigArguments.ExpectAtLeast(arguments, "min", 1);
            return arguments.Min(SprigValues.ToInt64);
        });
    }

    private static void Two(TemplateFunctions functions, string name, Func<long, long, long> body) =>
        functions.Add(name, arguments =>
        {
            SprigArguments.Expect(arguments, name, 2);
            return body(SprigValues.ToInt64(arguments[0]), SprigValues.ToInt64(arguments[1]));
        });

    private static TemplateFunctionException DivideByZero() => new("runtime error: integer divide by zero");
}
