namespace Switchyard.Core.Policies.Cel;

/// <summary>What <c>&amp;&amp;</c> and <c>||</c> give when neither side decided: both bools, an error, or a non-bool.</summary>
internal static class CelLogic
{
    public static CelValue Combine(string function, in CelValue first, in CelValue second)
    {
        if (first.IsError)
        {
            return first;
        }

        if (second.IsError)
        {
            return second;
        }

        // Neither side decided, so both are bools of the neutral value: that value is the result.
        return first.Kind == CelValueKind.Bool && second.Kind == CelValueKind.Bool
            ? second
            : CelValue.NoSuchOverload(function, first, second);
    }
}
