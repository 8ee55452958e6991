namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// Expands macro calls while parsing: <c>has(a.b)</c> becomes a presence test and <c>all</c>, <c>exists</c>,
/// <c>exists_one</c>, <c>map</c> and <c>filter</c> become comprehensions. A call with another number of
/// arguments is an ordinary call.
/// </summary>
internal static class CelMacros
{
    /// <summary>The expansion, or null when the call is no macro.</summary>
    /// <exception cref="CelSyntaxException">The macro's arguments have the wrong shape.</exception>
    public static CelExpr? TryExpand(int position, string name, CelExpr? target, IReadOnlyList<CelExpr> arguments)
    {
        if (target is null)
        {
            if (name != "has" || arguments.Count != 1)
            {
                return null;
            }

            return arguments[0] is CelSelectExpr { IsPresenceTest: false } select
                ? select with { IsPresenceTest = true }
                : throw new CelSyntaxException(arguments[0].Position, "invalid argument to has() macro");
        }

        CelMacro? macro = (name, arguments.Count) switch
        {
            ("all", 2) => CelMacro.All,
            ("exists", 2) => CelMacro.Exists,
            ("exists_one", 2) => CelMacro.ExistsOne,
            ("filter", 2) => CelMacro.Filter,
            ("map", 2 or 3) => CelMacro.Map,
            _ => null,
        };
        if (macro is null)
        {
            return null;
        }

        if (arguments[0] is not CelIdentExpr variable)
        {
            throw new CelSyntaxException(arguments[0].Position, $"{name}() variable name must be a simple identifier");
        }

        return macro switch
        {
            CelMacro.Map when arguments.Count == 2 => new CelComprehensionExpr(position, CelMacro.Map, target, variable.Name, null, arguments[1]),
            CelMacro.Map => new CelComprehensionExpr(position, CelMacro.Map, target, variable.Name, arguments[1], arguments[2]),
            _ => new CelComprehensionExpr(position, macro.Value, target, variable.Name, arguments[1], null),
        };
    }
}
