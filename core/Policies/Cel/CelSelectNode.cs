namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// <c>operand.field</c> on a map: the entry under the key <c>field</c>, an error when it is missing; or, for
/// <c>has(operand.field)</c>, whether the key is there.
/// </summary>
internal sealed class CelSelectNode(CelNode operand, string field, bool isPresenceTest) : CelNode
{
    private readonly CelValue _key = CelValue.FromString(field);

    public override CelValue Evaluate(CelFrame frame)
    {
        var value = operand.Evaluate(frame);
        if (value.IsError)
        {
            return value;
        }

        if (value.Kind != CelValueKind.Map)
        {
            return CelValue.Error($"type '{value.TypeName}' does not support field selection");
        }

        return isPresenceTest
            ? CelValue.FromBool(value.AsMap.TryGetValue(_key, out _))
            : CelCollectionFunctions.Lookup(value.AsMap, _key);
    }
}
