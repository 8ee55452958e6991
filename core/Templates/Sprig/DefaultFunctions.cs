namespace Switchyard.Templates.Sprig;

/// <summary>Sprig's defaults and flow: <c>default</c>, <c>empty</c>, <c>coalesce</c>, <c>ternary</c> and <c>fail</c>.</summary>
internal static class DefaultFunctions
{
    public static void AddTo(TemplateFunctions functions)
    {
        // `default "x" .a` and `.a | default "x"`: the given value unless it is empty (or absent).
        functions.Add("default", arguments =>
        {
            SprigArguments.ExpectAtLeast(arguments, "default", 1);
            return arguments.Count == 1 || SprigValues.IsEmpty(arguments[1]) ? arguments[0] : arguments[1];
        });
        functions.Add("empty", arguments =>
        {
            SprigArguments.Expect(arguments, "empty", 1);
            return SprigValues.IsEmpty(arguments[0]);
        });
        functions.Add("coalesce", arguments => arguments.FirstOrDefault(argument => !SprigValues.IsEmpty(argument)));
        functions.Add("ternary", arguments =>
        {
            SprigArguments.Expect(arguments, "ternary", 3);
            return SprigArguments.Bool(arguments, 2) ? arguments[0] : arguments[1];
        });
        functions.Add("fail", arguments =>
        {
            SprigArguments.Expect(arguments, "fail", 1);
            throw new TemplateFunctionException(SprigArguments.String(arguments, 0));
        });
    }
}
