namespace Switchyard.Core.Policies.Cel;

/// <summary>A list literal: its elements evaluated in order; the first error is the result.</summary>
internal sealed class CelListNode(CelNode[] elements) : CelNode
{
    public override CelValue Evaluate(CelFrame frame)
    {
        var items = new CelValue[elements.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            items[i] = elements[i].Evaluate(frame);
            if (items[i].IsError)
            {
                return items[i];
            }
        }

        return CelValue.FromList(new CelValueList(items));
    }
}
