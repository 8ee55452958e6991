namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// Turns a checked expression into a tree of <see cref="CelNode"/>s: functions are looked up, constant regular
/// expressions compiled and every variable given a slot, once, so that evaluation does none of it.
/// </summary>
internal sealed class CelPlanner
{
    private readonly CelFunctionRegistry _functions;
    private readonly Dictionary<string, int> _variableSlots = new(StringComparer.Ordinal);
    private readonly List<(string Name, int Slot)> _scope = [];
    private int _slotCount;

    private CelPlanner(CelFunctionRegistry functions) => _functions = functions;

    /// <summary>The program's root and how many slots its frames need.</summary>
    public static (CelNode Root, int SlotCount) Plan(CelExpr expression, CelFunctionRegistry functions)
    {
        var planner = new CelPlanner(functions);
        var root = planner.PlanNode(expression);
        return (root, planner._slotCount);
    }

    private CelNode PlanNode(CelExpr expression) => expression switch
    {
        CelLiteralExpr literal => new CelConstantNode(literal.Value),
        CelIdentExpr identifier => new CelVariableNode(SlotOf(identifier.Name), identifier.Name),
        CelSelectExpr select => new CelSelectNode(PlanNode(select.Operand), select.Field, select.IsPresenceTest),
        CelCallExpr call => PlanCall(call),
        CelListExpr list => new CelListNode(PlanAll(list.Elements)),
        CelMapExpr map => new CelMapNode(PlanAll(map.Entries.Select(static entry => entry.Key).ToList()), PlanAll(map.Entries.Select(static entry => entry.Value).ToList())),
        CelComprehensionExpr comprehension => PlanComprehension(comprehension),
        _ => throw new InvalidOperationException($"unknown expression node {expression.GetType().Name}"),
    };

    private CelNode[] PlanAll(IReadOnlyList<CelExpr> expressions)
    {
        var nodes = new CelNode[expressions.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = PlanNode(expressions[i]);
        }

        return nodes;
    }

    private CelNode PlanCall(CelCallExpr call)
    {
        var arguments = new List<CelExpr>(call.Arguments.Count + 1);
        if (call.Target is not null)
        {
            arguments.Add(call.Target);
        }

        arguments.AddRange(call.Arguments);
        switch (call.Function)
        {
            case CelOperatorNames.LogicalAnd:
                return new CelAndNode(PlanNode(arguments[0]), PlanNode(arguments[1]));
            case CelOperatorNames.LogicalOr:
                return new CelOrNode(PlanNode(arguments[0]), PlanNode(arguments[1]));
            case CelOperatorNames.Conditional:
                return new CelConditionalNode(PlanNode(arguments[0]), PlanNode(arguments[1]), PlanNode(arguments[2]));
            case "matches" when arguments[1] is CelLiteralExpr { Value.Kind: CelValueKind.String } pattern
                && CelRegex.TryCompile(pattern.Value.AsString, out var regex, out _):
                return new CelMatchesNode(PlanNode(arguments[0]), regex);
        }

        if (!_functions.TryGet(call.Function, out var function))
        {
            throw new InvalidOperationException($"function '{call.Function}' passed the checker but is not in the library");
        }

        return arguments.Count switch
        {
            1 when function.Unary is not null => new CelUnaryNode(function.Unary, PlanNode(arguments[0])),
            2 when function.Binary is not null => new CelBinaryNode(function.Binary, PlanNode(arguments[0]), PlanNode(arguments[1])),
            _ => throw new InvalidOperationException($"function '{call.Function}' has no implementation for {arguments.Count} arguments"),
        };
    }

    private CelComprehensionNode PlanComprehension(CelComprehensionExpr comprehension)
    {
        var range = PlanNode(comprehension.Range);
        var slot = _slotCount++;
        _scope.Add((comprehension.Variable, slot));
        var predicate = comprehension.Predicate is null ? null : PlanNode(comprehension.Predicate);
        var transform = comprehension.Transform is null ? null : PlanNode(comprehension.Transform);
        _scope.RemoveAt(_scope.Count - 1);
        return new CelComprehensionNode(comprehension.Macro, range, slot, predicate, transform);
    }

    private int SlotOf(string name)
    {
        for (var i = _scope.Count - 1; i >= 0; i--)
        {
            if (_scope[i].Name == name)
            {
                return _scope[i].Slot;
            }
        }

        if (!_variableSlots.TryGetValue(name, out var slot))
        {
            slot = _slotCount++;
            _variableSlots.Add(name, slot);
        }

        return slot;
    }
}
