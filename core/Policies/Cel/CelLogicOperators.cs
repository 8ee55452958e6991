namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// Signatures of <c>&amp;&amp;</c>, <c>||</c>, <c>? :</c> and <c>!</c>. The first three are evaluated by their own nodes
/// (they short-circuit and absorb errors), so only <c>!</c> has an implementation here.
/// </summary>
internal static class CelLogicOperators
{
    public static void Register(CelFunctionRegistry registry)
    {
        var bound = CelType.Parameter("A");
        registry.Add(CelOperatorNames.LogicalAnd).Global(CelType.Bool, CelType.Bool, CelType.Bool);
        registry.Add(CelOperatorNames.LogicalOr).Global(CelType.Bool, CelType.Bool, CelType.Bool);
        registry.Add(CelOperatorNames.Conditional).Global(bound, CelType.Bool, bound, bound);
        registry.Add(CelOperatorNames.LogicalNot).Global(CelType.Bool, CelType.Bool).Implement(Not);
    }

    private static CelValue Not(in CelValue operand) =>
        operand.Kind == CelValueKind.Bool ? CelValue.FromBool(!operand.AsBool) : CelValue.NoSuchOverload(CelOperatorNames.LogicalNot, operand);
}
