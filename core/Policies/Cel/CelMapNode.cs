namespace Switchyard.Core.Policies.Cel;

/// <summary>A map literal: keys must be ints, uints, strings or bools, each at most once.</summary>
internal sealed class CelMapNode(CelNode[] keys, CelNode[] values) : CelNode
{
    public override CelValue Evaluate(CelFrame frame)
    {
        var keyValues = new CelValue[keys.Length];
        var entryValues = new CelValue[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i].Evaluate(frame);
            if (key.IsError)
            {
                return key;
            }

            if (key.Kind is not (CelValueKind.Int or CelValueKind.Uint or CelValueKind.String or CelValueKind.Bool))
            {
                return CelValue.Error($"unsupported key type: {key.TypeName}");
            }

            for (var j = 0; j < i; j++)
            {
                if (CelEquality.AreEqual(keyValues[j], key))
                {
                    return CelValue.Error($"Failed with repeated key: {key}");
                }
            }

            var value = values[i].Evaluate(frame);
            if (value.IsError)
            {
                return value;
            }

            keyValues[i] = key;
            entryValues[i] = value;
        }

        return CelValue.FromMap(new CelLiteralMap(keyValues, entryValues));
    }
}
