namespace Switchyard.Core.Policies.Cel;

/// <summary><c>size</c>, indexing (<c>x[i]</c>, <c>m[k]</c>), field selection on maps and <c>in</c>.</summary>
internal static class CelCollectionFunctions
{
    public static void Register(CelFunctionRegistry registry)
    {
        var element = CelType.Parameter("A");
        var key = CelType.Parameter("K");
        var value = CelType.Parameter("V");
        var list = CelType.ListOf(element);
        var map = CelType.MapOf(key, value);
        registry.Add("size")
            .Both(CelType.Int, CelType.String).Both(CelType.Int, CelType.Bytes).Both(CelType.Int, list).Both(CelType.Int, map)
            .Implement(Size);
        registry.Add(CelOperatorNames.Index).Global(element, list, CelType.Int).Global(value, map, key).Implement(Index);
        registry.Add(CelOperatorNames.In).Global(CelType.Bool, element, list).Global(CelType.Bool, key, map).Implement(In);
    }

    /// <summary>A map's entry by key, as <c>m[k]</c> and <c>m.k</c> read it; a missing key is an error.</summary>
    public static CelValue Lookup(ICelMap map, in CelValue key) =>
        map.TryGetValue(key, out var found) ? found : CelValue.Error("no such key: " + key);

    private static CelValue Size(in CelValue operand) => operand.Kind switch
    {
        // CEL counts a string's code points, not its UTF-16 units.
        CelValueKind.String => CelValue.FromInt(CountCodePoints(operand.AsString)),
        CelValueKind.Bytes => CelValue.FromInt(operand.AsBytes.Length),
        CelValueKind.List => CelValue.FromInt(operand.AsList.Count),
        CelValueKind.Map => CelValue.FromInt(operand.AsMap.Count),
        _ => CelValue.NoSuchOverload("size", operand),
    };

    private static CelValue Index(in CelValue operand, in CelValue index)
    {
        switch (operand.Kind)
        {
            case CelValueKind.Map:
                return Lookup(operand.AsMap, index);
            case CelValueKind.List:
                var list = operand.AsList;
                if (!TryGetPosition(index, out var position))
                {
                    return CelValue.NoSuchOverload(CelOperatorNames.Index, operand, index);
                }

                return position >= 0 && position < list.Count ? list[(int)position] : CelValue.Error($"index out of bounds: {index}");
            default:
                return CelValue.NoSuchOverload(CelOperatorNames.Index, operand, index);
        }
    }

    private static CelValue In(in CelValue item, in CelValue container)
    {
        switch (container.Kind)
        {
            case CelValueKind.Map:
                return CelValue.FromBool(container.AsMap.TryGetValue(item, out _));
            case CelValueKind.List:
                var list = container.AsList;
                for (var i = 0; i < list.Count; i++)
                {
                    if (CelEquality.AreEqual(list[i], item))
                    {
                        return CelValue.True;
                    }
                }

                return CelValue.False;
            default:
                return CelValue.NoSuchOverload(CelOperatorNames.In, item, container);
        }
    }

    /// <summary>A list position from an int, a uint or an integral double (cel-go accepts all three at run time).</summary>
    private static bool TryGetPosition(in CelValue index, out long position)
    {
        switch (index.Kind)
        {
            case CelValueKind.Int:
                position = index.AsInt;
                return true;
            case CelValueKind.Uint:
                position = index.AsUint > int.MaxValue ? -1 : (long)index.AsUint;
                return true;
            case CelValueKind.Double when index.AsDouble == Math.Floor(index.AsDouble) && Math.Abs(index.AsDouble) < int.MaxValue:
                position = (long)index.AsDouble;
                return true;
            default:
                position = 0;
                return false;
        }
    }

    private static int CountCodePoints(string text)
    {
        var count = text.Length;
        foreach (var unit in text)
        {
            if (char.IsLowSurrogate(unit))
            {
                count--;
            }
        }

        return count;
    }
}
