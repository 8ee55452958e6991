namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// <c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>. Equality takes two values of one type, or two
/// numbers of any numeric types; ordering takes numbers, strings, bytes, bools, timestamps or durations.
/// </summary>
internal static class CelComparisonOperators
{
    private static readonly CelType[] Numbers = [CelType.Int, CelType.Uint, CelType.Double];
    private static readonly CelType[] OrderedNonNumbers = [CelType.String, CelType.Bytes, CelType.Bool, CelType.Timestamp, CelType.Duration];

    public static void Register(CelFunctionRegistry registry)
    {
        var bound = CelType.Parameter("A");
        AddMixedNumbers(registry.Add(CelOperatorNames.Equal).Global(CelType.Bool, bound, bound)
            .Implement(static (in CelValue left, in CelValue right) => CelValue.FromBool(CelEquality.AreEqual(left, right))));
        AddMixedNumbers(registry.Add(CelOperatorNames.NotEqual).Global(CelType.Bool, bound, bound)
            .Implement(static (in CelValue left, in CelValue right) => CelValue.FromBool(!CelEquality.AreEqual(left, right))));

        AddOrdering(registry.Add(CelOperatorNames.Less), CelOperatorNames.Less, static order => order < 0);
        AddOrdering(registry.Add(CelOperatorNames.LessEqual), CelOperatorNames.LessEqual, static order => order <= 0);
        AddOrdering(registry.Add(CelOperatorNames.Greater), CelOperatorNames.Greater, static order => order is > 0 and not CelOrdering.Unordered);
        AddOrdering(registry.Add(CelOperatorNames.GreaterEqual), CelOperatorNames.GreaterEqual, static order => order is >= 0 and not CelOrdering.Unordered);
    }

    private static void AddMixedNumbers(CelFunction function)
    {
        foreach (var left in Numbers)
        {
            foreach (var right in Numbers)
            {
                if (left != right)
                {
                    function.Global(CelType.Bool, left, right);
                }
            }
        }
    }

    private static void AddOrdering(CelFunction function, string name, Func<int, bool> holds)
    {
        foreach (var left in Numbers)
        {
            foreach (var right in Numbers)
            {
                function.Global(CelType.Bool, left, right);
            }
        }

        foreach (var type in OrderedNonNumbers)
        {
            function.Global(CelType.Bool, type, type);
        }

        function.Implement((in CelValue left, in CelValue right) => CelOrdering.TryCompare(left, right, out var order)
            ? CelValue.FromBool(holds(order))
            : CelValue.NoSuchOverload(name, left, right));
    }
}
