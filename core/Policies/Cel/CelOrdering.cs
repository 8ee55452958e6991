namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// CEL ordering for <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>: numbers across int, uint and double, and
/// strings, bytes, bools, timestamps and durations among themselves.
/// </summary>
internal static class CelOrdering
{
    /// <summary>The order of two values that have none: a NaN on either side makes every comparison false.</summary>
    public const int Unordered = 2;

    /// <summary>Orders two values: -1, 0, 1 or <see cref="Unordered"/>; false when the two kinds cannot be ordered.</summary>
    public static bool TryCompare(in CelValue left, in CelValue right, out int order)
    {
        if (CelEquality.IsNumber(left.Kind) && CelEquality.IsNumber(right.Kind))
        {
            order = CompareNumbers(left, right);
            return true;
        }

        order = 0;
        if (left.Kind != right.Kind)
        {
            return false;
        }

        switch (left.Kind)
        {
            case CelValueKind.Bool:
            case CelValueKind.Timestamp:
            case CelValueKind.Duration:
                order = left.AsInt.CompareTo(right.AsInt);
                return true;
            case CelValueKind.String:
                order = Math.Sign(string.CompareOrdinal(left.AsString, right.AsString));
                return true;
            case CelValueKind.Bytes:
                order = Math.Sign(left.AsBytes.AsSpan().SequenceCompareTo(right.AsBytes));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Orders two numbers of any numeric kinds exactly (an int beyond 2^53 is not rounded against an int).</summary>
    public static int CompareNumbers(in CelValue left, in CelValue right)
    {
        return (left.Kind, right.Kind) switch
        {
            (CelValueKind.Int, CelValueKind.Int) => left.AsInt.CompareTo(right.AsInt),
            (CelValueKind.Uint, CelValueKind.Uint) => left.AsUint.CompareTo(right.AsUint),
            (CelValueKind.Int, CelValueKind.Uint) => left.AsInt < 0 ? -1 : ((ulong)left.AsInt).CompareTo(right.AsUint),
            (CelValueKind.Uint, CelValueKind.Int) => right.AsInt < 0 ? 1 : left.AsUint.CompareTo((ulong)right.AsInt),
            _ => CompareDoubles(ToDouble(left), ToDouble(right)),
        };
    }

    private static double ToDouble(in CelValue number) => number.Kind switch
    {
        CelValueKind.Int => number.AsInt,
        CelValueKind.Uint => number.AsUint,
        _ => number.AsDouble,
    };

    private static int CompareDoubles(double left, double right) =>
        double.IsNaN(left) || double.IsNaN(right) ? Unordered : left.CompareTo(right);
}
