namespace Switchyard.Core.Policies.Cel;

/// <summary>Evaluates a one-argument function; the argument is never an error (errors propagate before the call).</summary>
internal delegate CelValue CelUnaryImplementation(in CelValue argument);

/// <summary>Evaluates a two-argument function (a receiver call passes the receiver first); arguments are never errors.</summary>
internal delegate CelValue CelBinaryImplementation(in CelValue left, in CelValue right);

/// <summary>
/// A function or operator of the library: its signatures for the checker and one implementation per arity that
/// dispatches on the values' kinds at run time (so <c>dyn</c> arguments work the same as typed ones).
/// </summary>
internal sealed class CelFunction(string name)
{
    private readonly List<CelOverload> _overloads = [];

    /// <summary>The name as CEL spells it: <c>size</c>, or <c>_+_</c> for an operator.</summary>
    public string Name => name;

    public IReadOnlyList<CelOverload> Overloads => _overloads;

    public CelUnaryImplementation? Unary { get; private set; }

    public CelBinaryImplementation? Binary { get; private set; }

    /// <summary>Adds a global signature, <c>f(a, b)</c>.</summary>
    public CelFunction Global(CelType result, params CelType[] parameters)
    {
        _overloads.Add(new CelOverload(false, parameters, result));
        return this;
    }

    /// <summary>Adds a receiver signature, <c>a.f(b)</c>; the receiver is the first parameter.</summary>
    public CelFunction Receiver(CelType result, params CelType[] parameters)
    {
        _overloads.Add(new CelOverload(true, parameters, result));
        return this;
    }

    /// <summary>Adds the same signature both as global and as receiver.</summary>
    public CelFunction Both(CelType result, params CelType[] parameters) => Global(result, parameters).Receiver(result, parameters);

    public CelFunction Implement(CelUnaryImplementation implementation)
    {
        Unary = implementation;
        return this;
    }

    public CelFunction Implement(CelBinaryImplementation implementation)
    {
        Binary = implementation;
        return this;
    }
}
