using System.Runtime.CompilerServices;
using Switchyard.Templates.Parsing;

namespace Switchyard.Templates.Execution;

/// <summary>
/// Walks a parse tree, writing its output (Go's <c>exec.go</c> state). One executor per execution, so a
/// <see cref="TemplateSet"/> can be executed concurrently. Errors name the node being evaluated, as Go does:
/// <c>FILE:LINE:COL: executing "NAME" at &lt;NODE&gt;: message</c>.
/// </summary>
internal sealed class Executor
{
    // Go's limit on nested template calls; the stack check in WalkTemplate stops earlier on a small stack.
    private const int MaxTemplateDepth = 100000;

    private readonly TemplateSet _set;
    private readonly TextWriter _output;
    private readonly ICollection<PrintedNoValue>? _noValues;
    private List<Variable> _variables;
    private TemplateTree _template;
    private Node? _node;
    private int _depth;

    private Executor(TemplateSet set, TemplateTree template, TextWriter output, object? data, ICollection<PrintedNoValue>? noValues)
    {
        _set = set;
        _template = template;
        _output = output;
        _noValues = noValues;
        _variables = [new Variable("$", data)];
    }

    public static void Execute(TemplateSet set, TemplateTree template, object? data, TextWriter output, ICollection<PrintedNoValue>? noValues)
    {
        var dot = data ?? NoValue.Instance;
        var executor = new Executor(set, template, output, dot, noValues);
        executor.Walk(dot, template.Root);
    }

    private Flow Walk(object? dot, Node node)
    {
        switch (node)
        {
            case TextNode text:
                _output.Write(text.Text);
                return Flow.Normal;
            case ActionNode action:
                _node = action;
                var value = EvalPipeline(dot, action.Pipe);
                if (action.Pipe.Declarations.Count == 0)
                {
                    PrintValue(action, value);
                }
                return Flow.Normal;
            case ListNode list:
                foreach (var child in list.Nodes)
                {
                    var flow = Walk(dot, child);
                    if (flow != Flow.Normal)
                    {
                        return flow;
                    }
                }
                return Flow.Normal;
            case BranchNode { Kind: BranchKind.Range } range:
                return WalkRange(dot, range);
            case BranchNode branch:
                return WalkIfOrWith(dot, branch);
            case TemplateNode template:
                WalkTemplate(dot, template);
                return Flow.Normal;
            case LoopControlNode control:
                return control.IsBreak ? Flow.Break : Flow.Continue;
            default:
                throw Error($"unknown node: {node}");
        }
    }

    // if and with are the same but for dot; variables declared in the pipeline or the body end with the structure.
    private Flow WalkIfOrWith(object? dot, BranchNode branch)
    {
        _node = branch;
        var mark = _variables.Count;
        var value = EvalPipeline(dot, branch.Pipe);
        Flow flow;
        if (IsTrue(value))
        {
            flow = Walk(branch.Kind == BranchKind.With ? value : dot, branch.List);
        }
        else
        {
            flow = branch.ElseList is null ? Flow.Normal : Walk(dot, branch.ElseList);
        }
        Pop(mark);
        return flow;
    }

    private Flow WalkRange(object? dot, BranchNode range)
    {
        _node = range;
        var mark = _variables.Count;
        var value = EvalPipeline(dot, range.Pipe);
        var bodyMark = _variables.Count;
        var ran = false;
        switch (value)
        {
            case IReadOnlyList<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    ran = true;
                    if (Iterate(range, bodyMark, (long)i, list[i]) == Flow.Break)
                    {
                        break;
                    }
                }
                break;
            case IReadOnlyDictionary<string, object?> map:
                foreach (var key in GoValues.SortedKeys(map))
                {
                    ran = true;
                    if (Iterate(range, bodyMark, key, map[key]) == Flow.Break)
                    {
                        break;
                    }
                }
                break;
            case long count:
                if (range.Pipe.Declarations.Count > 1)
                {
                    throw Error($"can't use {count} to iterate over more than one variable");
                }
                for (var i = 0L; i < count; i++)
                {
                    ran = true;
                    if (Iterate(range, bodyMark, NoValue.Instance, i) == Flow.Break)
                    {
                        break;
                    }
                }
                break;
            case NoValue:
                break;
            default:
                // Go names the last node evaluated, the pipeline's, not the range.
                throw Error($"range can't iterate over {GoFormat.Print(value)}");
        }
        if (!ran && range.ElseList is not null)
        {
            Walk(dot, range.ElseList);
        }
        Pop(mark);
        return Flow.Normal;
    }

    // One pass of a range body: with one variable it takes the element, with two the index (or key) and the element.
    private Flow Iterate(BranchNode range, int bodyMark, object? index, object? element)
    {
        var declarations = range.Pipe.Declarations;
        if (declarations.Count > 0)
        {
            if (range.Pipe.IsAssign)
            {
                SetVariable(declarations[0].Name, declarations.Count > 1 ? index : element);
                if (declarations.Count > 1)
                {
                    SetVariable(declarations[1].Name, element);
                }
            }
            else
            {
                _variables[^1] = _variables[^1] with { Value = element };
                if (declarations.Count > 1)
                {
                    _variables[^2] = _variables[^2] with { Value = index };
                }
            }
        }
        var flow = Walk(element, range.List);
        Pop(bodyMark);
        return flow;
    }

    private void WalkTemplate(object? dot, TemplateNode node)
    {
        _node = node;
        if (!_set.TryGetTree(node.Name, out var tree))
        {
            throw Error($"template {GoQuote.Quote(node.Name)} not defined");
        }
        if (_depth >= MaxTemplateDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Error($"exceeded maximum template depth ({(_depth >= MaxTemplateDepth ? MaxTemplateDepth : _depth)})");
        }
        // Variables declared by the pipeline persist in the caller; the callee sees only $ (no dynamic scoping).
        var newDot = node.Pipe is null ? NoValue.Instance : EvalPipeline(dot, node.Pipe);
        var (template, variables) = (_template, _variables);
        _template = tree;
        _variables = [new Variable("$", newDot)];
        _depth++;
        Walk(newDot, tree.Root);
        _depth--;
        (_template, _variables) = (template, variables);
    }

    // The value of a pipeline; declared variables are pushed, assigned ones overwritten. A nil result becomes "no
    // value", as Go's reflection does when it unwraps the empty interface the value travels in.
    private object? EvalPipeline(object? dot, PipeNode pipe)
    {
        _node = pipe;
        var value = NoValue.NoFinal;
        foreach (var command in pipe.Commands)
        {
            value = EvalCommand(dot, command, value) ?? NoValue.Instance;
        }
        foreach (var declaration in pipe.Declarations)
        {
            if (pipe.IsAssign)
            {
                SetVariable(declaration.Name, value);
            }
            else
            {
                _variables.Add(new Variable(declaration.Name, value));
            }
        }
        return value;
    }

    private object? EvalCommand(object? dot, CommandNode command, object? final)
    {
        var first = command.Arguments[0];
        switch (first)
        {
            case FieldNode field:
                _node = field;
                return EvalFieldChain(dot, dot, field.Names, command.Arguments, final);
            case ChainNode chain:
                return EvalChain(dot, chain, command.Arguments, final);
            case IdentifierNode identifier:
                return EvalFunction(dot, identifier, command, command.Arguments, final);
            case PipeNode pipe:
                NotAFunction(command.Arguments, final);
                return EvalPipeline(dot, pipe);
            case VariableNode variable:
                return EvalVariable(dot, variable, command.Arguments, final);
        }
        _node = first;
        NotAFunction(command.Arguments, final);
        return first switch
        {
            DotNode => dot,
            ConstantNode { Kind: ConstantKind.Nil } => throw Error("nil is not a command"),
            ConstantNode constant => Constant(constant),
            _ => throw Error($"can't evaluate command {GoQuote.Quote(first.ToString())}"),
        };
    }

    // An untyped constant used where any value fits: integers are int (long), the rest float64 (double).
    private object Constant(ConstantNode constant)
    {
        _node = constant;
        return constant.Value ?? throw Error($"{constant.Text} overflows int");
    }

    private void NotAFunction(List<Node>? arguments, object? final)
    {
        if (arguments is { Count: > 1 } || final != NoValue.NoFinal)
        {
            throw Error($"can't give argument to non-function {arguments![0]}");
        }
    }

    private object? EvalChain(object? dot, ChainNode chain, List<Node>? arguments, object? final)
    {
        _node = chain;
        if (chain.Operand is ConstantNode { Kind: ConstantKind.Nil })
        {
            throw Error($"indirection through explicit nil in {chain}");
        }
        var receiver = EvalArgument(dot, chain.Operand);
        _node = chain;
        return EvalFieldChain(dot, receiver, chain.Fields, arguments, final);
    }

    private object? EvalVariable(object? dot, VariableNode variable, List<Node>? arguments, object? final)
    {
        _node = variable;
        var value = VariableValue(variable.Name);
        if (variable.Fields.Length == 0)
        {
            NotAFunction(arguments, final);
            return value;
        }
        return EvalFieldChain(dot, value, variable.Fields, arguments, final);
    }

    // .a.b.c from receiver: each step a map key. Values met along the way are interface-typed in Go, which names
    // them "interface {}" in its errors.
    private object? EvalFieldChain(object? dot, object? receiver, string[] names, List<Node>? arguments, object? final)
    {
        for (var i = 0; i < names.Length - 1; i++)
        {
            receiver = EvalField(names[i], null, NoValue.NoFinal, receiver, boxed: i > 0);
        }
        return EvalField(names[^1], arguments, final, receiver, boxed: names.Length > 1);
    }

    private object? EvalField(string name, List<Node>? arguments, object? final, object? receiver, bool boxed)
    {
        switch (receiver)
        {
            case NoValue:
                return NoValue.Instance;
            case IReadOnlyDictionary<string, object?> map:
                if (arguments is { Count: > 1 } || final != NoValue.NoFinal)
                {
                    throw Error($"{name} is not a method but has arguments");
                }
                return map.TryGetValue(name, out var value) ? value : NoValue.Instance;
            case null:
                throw Error($"nil pointer evaluating interface {{}}.{name}");
            default:
                throw Error($"can't evaluate field {name} in type {(boxed ? "interface {}" : GoValues.TypeName(receiver))}");
        }
    }

    private object? EvalFunction(object? dot, IdentifierNode identifier, Node command, List<Node> arguments, object? final)
    {
        _node = identifier;
        if (!_set.Functions.TryGetEntry(identifier.Name, out var entry))
        {
            throw Error($"{GoQuote.Quote(identifier.Name)} is not a defined function");
        }
        return EvalCall(dot, entry, command, identifier.Name, arguments, final);
    }

    // arguments[0] is the function itself; final, when present, is the previous pipeline stage's value.
    private object? EvalCall(object? dot, TemplateFunctionEntry entry, Node command, string name, List<Node> arguments, object? final)
    {
        var given = arguments.Count - 1;
        var hasFinal = final != NoValue.NoFinal;
        var count = given + (hasFinal ? 1 : 0);
        if (entry.IsVariadic && count < entry.Parameters)
        {
            throw Error($"wrong number of args for {name}: want at least {entry.Parameters} got {given}");
        }
        if (!entry.IsVariadic && entry.Parameters >= 0 && count != entry.Parameters)
        {
            throw Error($"wrong number of args for {name}: want {entry.Parameters} got {count}");
        }
        if (entry.Function == BuiltinFunctions.And || entry.Function == BuiltinFunctions.Or)
        {
            return ShortCircuit(dot, entry.Function == BuiltinFunctions.Or, arguments, final);
        }
        var values = new object?[count];
        for (var i = 0; i < given; i++)
        {
            values[i] = AsArgument(EvalArgument(dot, arguments[i + 1]));
        }
        if (hasFinal)
        {
            values[^1] = AsArgument(final);
        }
        if (entry.Function == BuiltinFunctions.Call)
        {
            // The callee is named by its node, or when it came down the pipeline by its type, as Go does.
            var callee = given > 0 ? arguments[1].ToString() : $"<{GoValues.TypeName(values[0])} Value>";
            return Invoke(command, name, arguments, _ => CallFunctionValue(callee, values), values);
        }
        return Invoke(command, name, arguments, entry.Function, values);
    }

    // and/or return the first argument that settles the answer (unevaluated arguments after it are never run).
    private object? ShortCircuit(object? dot, bool isOr, List<Node> arguments, object? final)
    {
        object? value = NoValue.Instance;
        for (var i = 1; i < arguments.Count; i++)
        {
            value = EvalArgument(dot, arguments[i]);
            if (IsTrue(value) == isOr)
            {
                return value;
            }
        }
        return final != NoValue.NoFinal ? final : value;
    }

    private static object? CallFunctionValue(string calleeName, object?[] values) => values[0] switch
    {
        TemplateFunction function => function(values[1..]),
        null => throw new TemplateFunctionException("call of nil"),
        var other => throw new TemplateFunctionException($"non-function {calleeName} of type {GoValues.TypeName(other)}"),
    };

    private object? Invoke(Node command, string name, List<Node> arguments, TemplateFunction function, object?[] values)
    {
        try
        {
            return GoValues.Normalize(function(values));
        }
        catch (TemplateFunctionException exception) when (exception.ArgumentIndex >= 0)
        {
            throw WrongType(command, arguments, exception);
        }
        catch (Exception exception) when (exception is not TemplateException and not OutOfMemoryException)
        {
            // Go turns a function's error, and its panic, into this error; a template error from a nested execution
            // (a function that renders a template) passes through as it is.
            _node = command;
            throw Error($"error calling {name}: {exception.Message}");
        }
    }

    // Go checks arguments against parameter types before the call, at the argument: a literal is "found" as written,
    // any other value "got" by its type; the pipeline's value is reported at the command.
    private TemplateException WrongType(Node command, List<Node> arguments, TemplateFunctionException exception)
    {
        var index = exception.ArgumentIndex + 1;
        if (index >= arguments.Count)
        {
            _node = command;
            return Error(exception.Message);
        }
        _node = arguments[index];
        if (arguments[index] is not ConstantNode literal || literal.Kind == ConstantKind.Nil)
        {
            return Error(exception.Message);
        }
        var expected = exception.ExpectedType switch
        {
            "int" or "int64" or "int32" or "uint" or "uint64" => "integer",
            "float64" or "float32" => "float",
            var type => type,
        };
        return Error($"expected {expected}; found {literal}");
    }

    private object? EvalArgument(object? dot, Node node)
    {
        _node = node;
        switch (node)
        {
            case DotNode:
                return dot;
            case ConstantNode { Kind: ConstantKind.Nil }:
                return null;
            case ConstantNode { Kind: ConstantKind.Number } number:
                return Constant(number);
            case ConstantNode constant:
                return constant.Value;
            case FieldNode field:
                return EvalFieldChain(dot, dot, field.Names, null, NoValue.NoFinal);
            case VariableNode variable:
                return EvalVariable(dot, variable, null, NoValue.NoFinal);
            case PipeNode pipe:
                return EvalPipeline(dot, pipe);
            case IdentifierNode identifier:
                return EvalFunction(dot, identifier, identifier, [identifier], NoValue.NoFinal);
            case ChainNode chain:
                return EvalChain(dot, chain, null, NoValue.NoFinal);
            default:
                throw Error($"can't handle {node} for arg");
        }
    }

    private static object? AsArgument(object? value) => value is NoValue ? null : value;

    private static bool IsTrue(object? value) => value is not NoValue && GoValues.IsTrue(value);

    private void PrintValue(Node node, object? value)
    {
        _node = node;
        switch (value)
        {
            case string text:
                _output.Write(text);
                break;
            case NoValue:
                _output.Write("<no value>");
                if (_noValues is not null)
                {
                    var (line, column) = TemplateTree.LineAndColumn(_template.Text, node.Position);
                    _noValues.Add(new PrintedNoValue(_template.ParseName, line, column, node.ToString()));
                }
                break;
            case TemplateFunction:
                throw Error($"can't print {node} of type {GoValues.TypeName(value)}");
            default:
                _output.Write(GoFormat.Print(value));
                break;
        }
    }

    private object? VariableValue(string name)
    {
        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Name == name)
            {
                return _variables[i].Value;
            }
        }
        throw Error($"undefined variable: {name}");
    }

    private void SetVariable(string name, object? value)
    {
        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Name == name)
            {
                _variables[i] = new Variable(name, value);
                return;
            }
        }
        throw Error($"undefined variable: {name}");
    }

    private void Pop(int mark) => _variables.RemoveRange(mark, _variables.Count - mark);

    private TemplateException Error(string message)
    {
        if (_node is null)
        {
            return new TemplateException(_template.ParseName, 0, 0, message);
        }
        var (line, column) = TemplateTree.LineAndColumn(_template.Text, _node.Position);
        return new TemplateException(_template.ParseName, line, column,
            $"executing {GoQuote.Quote(_template.Name)} at <{_node}>: {message}");
    }

    private readonly record struct Variable(string Name, object? Value);
}
