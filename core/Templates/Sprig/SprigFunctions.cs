namespace Switchyard.Templates.Sprig;

/// <summary>
/// The Sprig v3 functions KrakenD's templates may call (its <c>GenericFuncMap</c>), as far as configurations use them:
/// strings, defaults and flow, lists, dictionaries, conversions, JSON, integer math, base64, regular expressions and
/// the environment. See the README's Flexible Configuration section for the list and what is left out.
/// </summary>
public static class SprigFunctions
{
    /// <summary>Adds every served Sprig function to <paramref name="functions"/>, <c>env</c> reading <paramref name="environment"/>.</summary>
    public static void AddTo(TemplateFunctions functions, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(functions);
        StringFunctions.AddTo(functions);
        DefaultFunctions.AddTo(functions);
        ListFunctions.AddTo(functions);
        DictFunctions.AddTo(functions);
        ConversionFunctions.AddTo(functions);
        JsonFunctions.AddTo(functions);
        MathFunctions.AddTo(functions);
        EncodingFunctions.AddTo(functions);
        RegexFunctions.AddTo(functions);
        EnvironmentFunctions.AddTo(functions, environment);
    }
}
