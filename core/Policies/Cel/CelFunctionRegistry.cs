namespace Switchyard.Core.Policies.Cel;

/// <summary>The functions and operators an environment knows, by name.</summary>
internal sealed class CelFunctionRegistry
{
    private readonly Dictionary<string, CelFunction> _functions = new(StringComparer.Ordinal);

    /// <summary>The standard library: operators, conversions, strings, time and collections.</summary>
    public static CelFunctionRegistry Standard { get; } = CreateStandard();

    public CelFunction Add(string name)
    {
        var function = new CelFunction(name);
        _functions.Add(name, function);
        return function;
    }

    public bool TryGet(string name, out CelFunction function) => _functions.TryGetValue(name, out function!);

    private static CelFunctionRegistry CreateStandard()
    {
        var registry = new CelFunctionRegistry();
        CelLogicOperators.Register(registry);
        CelComparisonOperators.Register(registry);
        CelArithmeticOperators.Register(registry);
        CelCollectionFunctions.Register(registry);
        CelConversionFunctions.Register(registry);
        CelStringFunctions.Register(registry);
        CelTimeFunctions.Register(registry);
        return registry;
    }
}
