namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// Type-checks a parsed expression against declared variables and the function library, collecting every error with
/// its position. Anything whose type is unknown (<c>resp_data</c>'s fields) is <c>dyn</c> and left to run time.
/// </summary>
internal sealed class CelChecker
{
    /// <summary>How deep the expression tree may be; evaluation recurses over it, so deeper trees are refused.</summary>
    public const int MaxDepth = 500;

    private readonly IReadOnlyDictionary<string, CelType> _variables;
    private readonly CelFunctionRegistry _functions;
    private readonly List<CelDiagnostic> _errors = [];
    private readonly List<(string Name, CelType Type)> _scope = [];
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);
    private int _depth;
    private bool _tooDeep;

    private CelChecker(IReadOnlyDictionary<string, CelType> variables, CelFunctionRegistry functions)
    {
        _variables = variables;
        _functions = functions;
    }

    /// <summary>The expression's type, its errors and the declared variables it reads.</summary>
    public static (CelType Type, List<CelDiagnostic> Errors, HashSet<string> Variables) Check(
        CelExpr expression, IReadOnlyDictionary<string, CelType> variables, CelFunctionRegistry functions)
    {
        var checker = new CelChecker(variables, functions);
        var type = checker.CheckNode(expression);
        return (type, checker._errors, checker._referenced);
    }

    private CelType CheckNode(CelExpr expression)
    {
        if (_depth >= MaxDepth)
        {
            // Reported once: every node below the limit would repeat it.
            if (!_tooDeep)
            {
                _tooDeep = true;
                Fail(expression.Position, $"expression nested more than {MaxDepth} levels deep");
            }

            return CelType.Error;
        }

        _depth++;

        var type = expression switch
        {
            CelLiteralExpr literal => TypeOf(literal.Value),
            CelIdentExpr identifier => CheckIdentifier(identifier),
            CelSelectExpr select => CheckSelect(select),
            CelCallExpr call => CheckCall(call),
            CelListExpr list => CelType.ListOf(Join(list.Elements)),
            CelMapExpr map => CheckMap(map),
            CelComprehensionExpr comprehension => CheckComprehension(comprehension),
            _ => throw new InvalidOperationException($"unknown expression node {expression.GetType().Name}"),
        };
        _depth--;
        return type;
    }

    private static CelType TypeOf(in CelValue literal) => literal.Kind switch
    {
        CelValueKind.Bool => CelType.Bool,
        CelValueKind.Int => CelType.Int,
        CelValueKind.Uint => CelType.Uint,
        CelValueKind.Double => CelType.Double,
        CelValueKind.String => CelType.String,
        CelValueKind.Bytes => CelType.Bytes,
        _ => CelType.Null,
    };

    private CelType CheckIdentifier(CelIdentExpr identifier)
    {
        for (var i = _scope.Count - 1; i >= 0; i--)
        {
            if (_scope[i].Name == identifier.Name)
            {
                return _scope[i].Type;
            }
        }

        if (_variables.TryGetValue(identifier.Name, out var type))
        {
            _referenced.Add(identifier.Name);
            return type;
        }

        return Fail(identifier.Position, $"undeclared reference to '{identifier.Name}'");
    }

    private CelType CheckSelect(CelSelectExpr select)
    {
        var operand = CheckNode(select.Operand);
        var field = operand.Kind switch
        {
            CelTypeKind.Map => operand.Second!,
            CelTypeKind.Dyn or CelTypeKind.Error => CelType.Dyn,
            _ => Fail(select.Position, $"type '{operand}' does not support field selection"),
        };
        return select.IsPresenceTest && field.Kind != CelTypeKind.Error ? CelType.Bool : field;
    }

    private CelType CheckCall(CelCallExpr call)
    {
        var arguments = new List<CelType>(call.Arguments.Count + 1);
        if (call.Target is not null)
        {
            arguments.Add(CheckNode(call.Target));
        }

        foreach (var argument in call.Arguments)
        {
            arguments.Add(CheckNode(argument));
        }

        if (!_functions.TryGet(call.Function, out var function))
        {
            return Fail(call.Position, $"undeclared reference to '{call.Function}'");
        }

        if (arguments.Exists(static type => type.Kind == CelTypeKind.Error))
        {
            return CelType.Error;
        }

        var result = CelTypeUnifier.Resolve(function, call.Target is not null, arguments);
        if (result is null)
        {
            var applied = call.Target is null
                ? $"({string.Join(", ", arguments)})"
                : $"{arguments[0]}.({string.Join(", ", arguments.Skip(1))})";
            return Fail(call.Position, $"found no matching overload for '{call.Function}' applied to '{applied}'");
        }

        CheckConstantPattern(call);
        return result;
    }

    // A constant pattern that does not compile is a mistake in the configuration: report it now, not per request.
    private void CheckConstantPattern(CelCallExpr call)
    {
        if (call.Function == "matches" && call.Arguments[^1] is CelLiteralExpr { Value.Kind: CelValueKind.String } pattern
            && !CelRegex.TryCompile(pattern.Value.AsString, out _, out var error))
        {
            Fail(pattern.Position, error);
        }
    }

    private CelType CheckMap(CelMapExpr map)
    {
        var keys = new List<CelExpr>(map.Entries.Count);
        var values = new List<CelExpr>(map.Entries.Count);
        foreach (var entry in map.Entries)
        {
            keys.Add(entry.Key);
            values.Add(entry.Value);
        }

        return CelType.MapOf(Join(keys), Join(values));
    }

    /// <summary>The common type of literal elements: their type when they all agree, else <c>dyn</c>.</summary>
    private CelType Join(IReadOnlyList<CelExpr> elements)
    {
        CelType? common = null;
        foreach (var element in elements)
        {
            var type = CheckNode(element);
            common = common is null || common.IsSameAs(type) ? type : CelType.Dyn;
        }

        return common is null || common.Kind == CelTypeKind.Error ? CelType.Dyn : common;
    }

    private CelType CheckComprehension(CelComprehensionExpr comprehension)
    {
        var range = CheckNode(comprehension.Range);
        var variable = range.Kind switch
        {
            CelTypeKind.List or CelTypeKind.Map => range.First!,
            CelTypeKind.Dyn or CelTypeKind.Error => CelType.Dyn,
            _ => Fail(comprehension.Range.Position, $"expression of type '{range}' cannot be the range of a comprehension (must be list, map, or dynamic)"),
        };
        _scope.Add((comprehension.Variable, variable));
        if (comprehension.Predicate is not null)
        {
            var predicate = CheckNode(comprehension.Predicate);
            if (!predicate.IsDynamic && predicate.Kind != CelTypeKind.Bool)
            {
                Fail(comprehension.Predicate.Position, $"found no matching overload for '{CelOperatorNames.LogicalAnd}' applied to '(bool, {predicate})'");
            }
        }

        var transform = comprehension.Transform is null ? null : CheckNode(comprehension.Transform);
        _scope.RemoveAt(_scope.Count - 1);
        return comprehension.Macro switch
        {
            CelMacro.Map => CelType.ListOf(transform!.Kind == CelTypeKind.Error ? CelType.Dyn : transform),
            CelMacro.Filter => CelType.ListOf(variable.Kind == CelTypeKind.Error ? CelType.Dyn : variable),
            _ => CelType.Bool,
        };
    }

    private CelType Fail(int position, string message)
    {
        _errors.Add(new CelDiagnostic(position + 1, message));
        return CelType.Error;
    }
}
