namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// CEL equality: values of different types are unequal (never an error), except numbers, which compare by value
/// across int, uint and double as cel-go's heterogeneous equality does (<c>1 == 1.0</c>, <c>1u == 1</c>).
/// </summary>
internal static class CelEquality
{
    public static bool AreEqual(in CelValue left, in CelValue right)
    {
        if (left.Kind != right.Kind)
        {
            return IsNumber(left.Kind) && IsNumber(right.Kind) && CelOrdering.CompareNumbers(left, right) == 0;
        }

        return left.Kind switch
        {
            CelValueKind.Null => true,
            CelValueKind.Bool or CelValueKind.Int or CelValueKind.Uint or CelValueKind.Timestamp or CelValueKind.Duration =>
                left.AsInt == right.AsInt,
            CelValueKind.Double => left.AsDouble == right.AsDouble,
            CelValueKind.String => string.Equals(left.AsString, right.AsString, StringComparison.Ordinal),
            CelValueKind.Bytes => left.AsBytes.AsSpan().SequenceEqual(right.AsBytes),
            CelValueKind.List => ListsEqual(left.AsList, right.AsList),
            CelValueKind.Map => MapsEqual(left.AsMap, right.AsMap),
            _ => false,
        };
    }

    public static bool IsNumber(CelValueKind kind) => kind is CelValueKind.Int or CelValueKind.Uint or CelValueKind.Double;

    private static bool ListsEqual(ICelList left, ICelList right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!AreEqual(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsEqual(ICelMap left, ICelMap right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var key in left.Keys)
        {
            if (!right.TryGetValue(key, out var other) || !left.TryGetValue(key, out var mine) || !AreEqual(mine, other))
            {
                return false;
            }
        }

        return true;
    }
}
