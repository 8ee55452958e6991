namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// <c>startsWith</c>, <c>endsWith</c>, <c>contains</c>, <c>matches</c>, <c>lowerAscii</c> and <c>upperAscii</c>.
/// Comparisons are ordinal: CEL compares code points, never culture-aware text.
/// </summary>
internal static class CelStringFunctions
{
    public static void Register(CelFunctionRegistry registry)
    {
        registry.Add("startsWith").Receiver(CelType.Bool, CelType.String, CelType.String)
            .Implement(static (in CelValue text, in CelValue prefix) => Test("startsWith", text, prefix, static (t, p) => t.StartsWith(p, StringComparison.Ordinal)));
        registry.Add("endsWith").Receiver(CelType.Bool, CelType.String, CelType.String)
            .Implement(static (in CelValue text, in CelValue suffix) => Test("endsWith", text, suffix, static (t, s) => t.EndsWith(s, StringComparison.Ordinal)));
        registry.Add("contains").Receiver(CelType.Bool, CelType.String, CelType.String)
            .Implement(static (in CelValue text, in CelValue part) => Test("contains", text, part, static (t, p) => t.Contains(p, StringComparison.Ordinal)));
        registry.Add("matches").Both(CelType.Bool, CelType.String, CelType.String).Implement(Matches);
        registry.Add("lowerAscii").Receiver(CelType.String, CelType.String)
            .Implement(static (in CelValue text) => MapAscii("lowerAscii", text, static c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c));
        registry.Add("upperAscii").Receiver(CelType.String, CelType.String)
            .Implement(static (in CelValue text) => MapAscii("upperAscii", text, static c => c is >= 'a' and <= 'z' ? (char)(c - 32) : c));
    }

    private static CelValue Test(string name, in CelValue text, in CelValue argument, Func<string, string, bool> test) =>
        text.Kind == CelValueKind.String && argument.Kind == CelValueKind.String
            ? CelValue.FromBool(test(text.AsString, argument.AsString))
            : CelValue.NoSuchOverload(name, text, argument);

    private static CelValue Matches(in CelValue text, in CelValue pattern)
    {
        if (text.Kind != CelValueKind.String || pattern.Kind != CelValueKind.String)
        {
            return CelValue.NoSuchOverload("matches", text, pattern);
        }

        return CelRegex.TryGet(pattern.AsString, out var regex, out var error) ? CelRegex.Match(regex, text.AsString) : CelValue.Error(error);
    }

    private static CelValue MapAscii(string name, in CelValue text, Func<char, char> map)
    {
        if (text.Kind != CelValueKind.String)
        {
            return CelValue.NoSuchOverload(name, text);
        }

        return CelValue.FromString(string.Create(text.AsString.Length, (Text: text.AsString, Map: map), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.Map(state.Text[i]);
            }
        }));
    }
}
