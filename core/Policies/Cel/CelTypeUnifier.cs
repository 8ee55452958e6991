namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// Matches argument types against an overload's parameter types, binding type parameters (<c>A</c>, <c>K</c>,
/// <c>V</c>) on the way. <c>dyn</c> matches anything: whatever it turns out to be is checked at run time.
/// </summary>
internal sealed class CelTypeUnifier
{
    private readonly Dictionary<string, CelType> _bindings = new(StringComparer.Ordinal);

    /// <summary>The result type of the first overload of <paramref name="function"/> the arguments fit, or null when none fits.</summary>
    /// <remarks>When several fit (a <c>dyn</c> argument) and their results differ, the result is <c>dyn</c>.</remarks>
    public static CelType? Resolve(CelFunction function, bool isReceiver, IReadOnlyList<CelType> arguments)
    {
        CelType? result = null;
        foreach (var overload in function.Overloads)
        {
            if (overload.IsReceiver != isReceiver || overload.Parameters.Count != arguments.Count)
            {
                continue;
            }

            var unifier = new CelTypeUnifier();
            if (!unifier.FitsAll(overload.Parameters, arguments))
            {
                continue;
            }

            var candidate = unifier.Substitute(overload.Result);
            result = result is null || result.IsSameAs(candidate) ? candidate : CelType.Dyn;
        }

        return result;
    }

    private bool FitsAll(IReadOnlyList<CelType> parameters, IReadOnlyList<CelType> arguments)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (!Fits(parameters[i], arguments[i]))
            {
                return false;
            }
        }

        return true;
    }

    private bool Fits(CelType parameter, CelType argument)
    {
        if (parameter.Kind == CelTypeKind.Parameter)
        {
            if (_bindings.TryGetValue(parameter.ToString(), out var bound))
            {
                return Fits(bound, argument);
            }

            _bindings[parameter.ToString()] = argument.Kind == CelTypeKind.Error ? CelType.Dyn : argument;
            return true;
        }

        if (parameter.IsDynamic || argument.IsDynamic)
        {
            return true;
        }

        return parameter.Kind == argument.Kind && parameter.Kind switch
        {
            CelTypeKind.List => Fits(parameter.First!, argument.First!),
            CelTypeKind.Map => Fits(parameter.First!, argument.First!) && Fits(parameter.Second!, argument.Second!),
            _ => true,
        };
    }

    private CelType Substitute(CelType type) => type.Kind switch
    {
        CelTypeKind.Parameter => _bindings.TryGetValue(type.ToString(), out var bound) ? bound : CelType.Dyn,
        CelTypeKind.List => CelType.ListOf(Substitute(type.First!)),
        CelTypeKind.Map => CelType.MapOf(Substitute(type.First!), Substitute(type.Second!)),
        _ => type,
    };
}
