namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// The macros over a list's items or a map's keys. <c>all</c> and <c>exists</c> absorb errors as <c>&amp;&amp;</c> and
/// <c>||</c> do: a false (for <c>all</c>) or a true (for <c>exists</c>) item decides, whatever errors others raised.
/// </summary>
internal sealed class CelComprehensionNode(CelMacro macro, CelNode range, int slot, CelNode? predicate, CelNode? transform) : CelNode
{
    public override CelValue Evaluate(CelFrame frame)
    {
        var source = range.Evaluate(frame);
        ICelList items;
        switch (source.Kind)
        {
            case CelValueKind.Error:
                return source;
            case CelValueKind.List:
                items = source.AsList;
                break;
            case CelValueKind.Map:
                items = new CelValueList([.. source.AsMap.Keys]);
                break;
            default:
                return CelValue.Error($"expression of type '{source.TypeName}' cannot be the range of a comprehension");
        }

        return macro switch
        {
            CelMacro.All => Quantify(frame, items, decisive: false),
            CelMacro.Exists => Quantify(frame, items, decisive: true),
            CelMacro.ExistsOne => ExistsOne(frame, items),
            _ => Collect(frame, items),
        };
    }

    // all: the first false decides; exists: the first true. Errors count only when nothing decided.
    private CelValue Quantify(CelFrame frame, ICelList items, bool decisive)
    {
        CelValue? error = null;
        for (var i = 0; i < items.Count; i++)
        {
            frame.Slots[slot] = items[i];
            var outcome = predicate!.Evaluate(frame);
            if (outcome.Kind == CelValueKind.Bool)
            {
                if (outcome.AsBool == decisive)
                {
                    return outcome;
                }
            }
            else
            {
                error ??= outcome.IsError ? outcome : CelValue.NoSuchOverload(decisive ? CelOperatorNames.LogicalOr : CelOperatorNames.LogicalAnd, outcome);
            }
        }

        return error ?? CelValue.FromBool(!decisive);
    }

    private CelValue ExistsOne(CelFrame frame, ICelList items)
    {
        var count = 0;
        for (var i = 0; i < items.Count; i++)
        {
            frame.Slots[slot] = items[i];
            var outcome = predicate!.Evaluate(frame);
            if (outcome.Kind != CelValueKind.Bool)
            {
                return outcome.IsError ? outcome : CelValue.NoSuchOverload("exists_one", outcome);
            }

            if (outcome.AsBool)
            {
                count++;
            }
        }

        return CelValue.FromBool(count == 1);
    }

    // filter keeps the items its predicate accepts; map transforms the items (those accepted, with a predicate).
    private CelValue Collect(CelFrame frame, ICelList items)
    {
        var results = new List<CelValue>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            frame.Slots[slot] = items[i];
            if (predicate is not null)
            {
                var keep = predicate.Evaluate(frame);
                if (keep.Kind != CelValueKind.Bool)
                {
                    return keep.IsError ? keep : CelValue.NoSuchOverload(macro == CelMacro.Map ? "map" : "filter", keep);
                }

                if (!keep.AsBool)
                {
                    continue;
                }
            }

            var result = transform is null ? items[i] : transform.Evaluate(frame);
            if (result.IsError)
            {
                return result;
            }

            results.Add(result);
        }

        return CelValue.FromList(new CelValueList([.. results]));
    }
}
