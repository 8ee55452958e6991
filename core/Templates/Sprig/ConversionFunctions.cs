namespace Switchyard.Templates.Sprig;

/// <summary>
/// Sprig's type conversions, lenient as spf13/cast is: <c>int</c>, <c>int64</c>, <c>float64</c> (a value that cannot be
/// read is 0), <c>atoi</c> (decimal text, else 0), <c>toString</c> and <c>toStrings</c> (as <c>%v</c> prints).
/// </summary>
internal static class ConversionFunctions
{
    public static void AddTo(TemplateFunctions functions)
    {
        One(functions, "int", value => SprigValues.ToInt64(value));
        One(functions, "int64", value => SprigValues.ToInt64(value));
        One(functions, "float64", value => SprigValues.ToFloat64(value));
        One(functions, "toString", SprigValues.Text);
        One(functions, "toStrings", value => SprigValues.Texts(value).Cast<object?>().ToList());
        functions.Add("atoi", arguments =>
        {
            SprigArguments.Expect(arguments, "atoi", 1);
            return GoIntegers.TryParseDecimal(SprigArguments.String(arguments, 0), out var number) ? number : 0L;
        });
    }

    private static void One(TemplateFunctions functions, string name, Func<object?, object?> body) =>
        functions.Add(name, arguments =>
        {
            SprigArguments.Expect(arguments, name, 1);
            return body(arguments[0]);
        });
}
