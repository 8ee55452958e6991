using System.Runtime.CompilerServices;

namespace Switchyard.Templates.Parsing;

/// <summary>
/// Builds parse trees from tokens as Go's <c>text/template/parse</c> does, with the same checks at parse time:
/// functions must exist, variables must be declared, <c>{{break}}</c>/<c>{{continue}}</c> must be inside a
/// <c>{{range}}</c>. Errors carry the position of the token at fault.
/// </summary>
internal sealed class Parser
{
    // Go's limit on nested parenthesised pipelines; the stack check below guards smaller stacks.
    private const int MaxExpressionDepth = 10000;

    private readonly string _parseName;
    private readonly string _text;
    private readonly TemplateFunctions _functions;
    private readonly List<Token> _tokens;
    private readonly Dictionary<string, ListNode> _trees = new(StringComparer.Ordinal);
    private readonly Stack<(string Keyword, int Position)> _open = new();
    private List<string> _variables = ["$"];
    private int _index;
    private int _rangeDepth;
    private int _expressionDepth;
    private int _actionStart;

    private Parser(string parseName, string text, TemplateFunctions functions)
    {
        _parseName = parseName;
        _text = text;
        _functions = functions;
        _tokens = Lexer.Tokenize(text, !functions.Contains("break"), !functions.Contains("continue"));
    }

    /// <summary>
    /// Parses <paramref name="text"/> as template <paramref name="name"/>: the trees of the template and of each
    /// <c>define</c> or <c>block</c> in it, by name.
    /// </summary>
    /// <exception cref="TemplateException">The text is not a valid template.</exception>
    public static Dictionary<string, ListNode> Parse(string name, string text, TemplateFunctions functions)
    {
        var parser = new Parser(name, text, functions);
        parser.ParseTop(name);
        return parser._trees;
    }

    private void ParseTop(string name)
    {
        var root = new ListNode(Peek().Position);
        while (Peek().Kind != TokenKind.EOF)
        {
            if (Peek().Kind == TokenKind.LeftDelim)
            {
                var delimIndex = _index;
                var delim = Next();
                if (NextNonSpace().Kind == TokenKind.Define)
                {
                    _actionStart = delim.Position;
                    ParseDefinition();
                    continue;
                }
                _index = delimIndex;
            }
            var node = TextOrAction();
            if (node is ClauseEndNode)
            {
                throw Error(node.Position, $"unexpected {node}");
            }
            root.Nodes.Add(node);
        }
        Add(name, root, 0);
    }

    // {{define "name"}} ... {{end}}; "define" has been read.
    private void ParseDefinition()
    {
        const string context = "define clause";
        var start = _actionStart;
        var nameToken = NextNonSpace();
        if (nameToken.Kind is not (TokenKind.String or TokenKind.RawString))
        {
            throw Unexpected(nameToken, context);
        }
        var name = Unquote(nameToken);
        Expect(TokenKind.RightDelim, context);
        var (list, end) = ParseBody("define", start);
        if (end.IsElse)
        {
            throw Error(end.Position, $"unexpected {end} in {context}");
        }
        Add(name, list, start);
    }

    // A template body of its own (define, block): no variables but $, not inside a range.
    private (ListNode List, ClauseEndNode End) ParseBody(string keyword, int start)
    {
        var variables = _variables;
        var rangeDepth = _rangeDepth;
        _variables = ["$"];
        _rangeDepth = 0;
        _open.Push((keyword, start));
        var result = ItemList();
        _open.Pop();
        _variables = variables;
        _rangeDepth = rangeDepth;
        return result;
    }

    private void Add(string name, ListNode root, int position)
    {
        if (!_trees.TryGetValue(name, out var existing) || existing.IsEmpty)
        {
            _trees[name] = root;
        }
        else if (!root.IsEmpty)
        {
            throw Error(position, $"multiple definition of template {GoQuote.Quote(name)}");
        }
    }

    // textOrAction* up to an {{end}} or {{else}}, which is returned separately.
    private (ListNode List, ClauseEndNode End) ItemList()
    {
        var list = new ListNode(PeekNonSpace().Position);
        while (PeekNonSpace().Kind != TokenKind.EOF)
        {
            var node = TextOrAction();
            if (node is ClauseEndNode end)
            {
                return (list, end);
            }
            list.Nodes.Add(node);
        }
        throw UnexpectedEof();
    }

    private Exception UnexpectedEof()
    {
        var eof = Peek().Position;
        if (_open.Count == 0)
        {
            return Error(eof, "unexpected EOF");
        }
        var (keyword, position) = _open.Peek();
        var (line, column) = TemplateTree.LineAndColumn(_text, position);
        return Error(eof, $"unexpected EOF: the {{{{{keyword}}}}} at {line}:{column} has no {{{{end}}}}");
    }

    private Node TextOrAction()
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case TokenKind.Text:
                return new TextNode(token.Position, token.Value);
            case TokenKind.LeftDelim:
                _actionStart = token.Position;
                return Action();
            default:
                throw Unexpected(token, "input");
        }
    }

    // A control structure, or a pipeline whose value is printed. The left delimiter has been read.
    private Node Action()
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case TokenKind.Block:
                return BlockControl();
            case TokenKind.Break or TokenKind.Continue:
                return LoopControl(token);
            case TokenKind.Else:
                return ElseControl();
            case TokenKind.End:
                Expect(TokenKind.RightDelim, "end");
                return new ClauseEndNode(_actionStart, isElse: false);
            case TokenKind.If:
                return Branch(BranchKind.If);
            case TokenKind.Range:
                return Branch(BranchKind.Range);
            case TokenKind.Template:
                return TemplateControl();
            case TokenKind.With:
                return Branch(BranchKind.With);
        }
        _index--;
        return new ActionNode(Peek().Position, Pipeline("command", TokenKind.RightDelim));
    }

    private LoopControlNode LoopControl(Token keyword)
    {
        var isBreak = keyword.Kind == TokenKind.Break;
        var name = isBreak ? "{{break}}" : "{{continue}}";
        var token = NextNonSpace();
        if (token.Kind != TokenKind.RightDelim)
        {
            throw Unexpected(token, name);
        }
        if (_rangeDepth == 0)
        {
            throw Error(keyword.Position, $"{name} outside {{{{range}}}}");
        }
        return new LoopControlNode(_actionStart, isBreak);
    }

    // {{else}}; for "else if" and "else with" the keyword is left for the enclosing branch to read.
    private ClauseEndNode ElseControl()
    {
        var start = _actionStart;
        if (PeekNonSpace().Kind is TokenKind.If or TokenKind.With)
        {
            return new ClauseEndNode(start, isElse: true);
        }
        Expect(TokenKind.RightDelim, "else");
        return new ClauseEndNode(start, isElse: true);
    }

    // {{if|range|with pipeline}} list [{{else}} list | {{else if|with ...}}] {{end}}; the keyword has been read.
    // Variables declared in the pipeline or the body live until the {{end}}.
    private BranchNode Branch(BranchKind kind)
    {
        var context = kind switch
        {
            BranchKind.If => "if",
            BranchKind.Range => "range",
            _ => "with",
        };
        var variables = _variables.Count;
        _open.Push((context, _actionStart));
        var pipe = Pipeline(context, TokenKind.RightDelim);
        if (kind == BranchKind.Range)
        {
            _rangeDepth++;
        }
        var (list, next) = ItemList();
        if (kind == BranchKind.Range)
        {
            _rangeDepth--;
        }
        ListNode? elseList = null;
        if (next.IsElse)
        {
            var chained = Peek().Kind;
            if ((kind == BranchKind.If && chained == TokenKind.If) || (kind == BranchKind.With && chained == TokenKind.With))
            {
                // {{else if b}} reads as {{else}}{{if b}}...{{end}}{{end}}: the inner branch takes the single {{end}}.
                Next();
                elseList = new ListNode(next.Position);
                elseList.Nodes.Add(Branch(kind));
            }
            else
            {
                (elseList, var end) = ItemList();
                if (end.IsElse)
                {
                    throw Error(end.Position, $"expected end; found {end}");
                }
            }
        }
        _open.Pop();
        _variables.RemoveRange(variables, _variables.Count - variables);
        return new BranchNode(pipe.Position, kind, pipe, list, elseList);
    }

    // {{block "name" pipeline}} list {{end}}: defines the template and calls it in place.
    private TemplateNode BlockControl()
    {
        const string context = "block clause";
        var start = _actionStart;
        var token = NextNonSpace();
        var name = TemplateName(token, context);
        var pipe = Pipeline(context, TokenKind.RightDelim);
        var (list, end) = ParseBody("block", start);
        if (end.IsElse)
        {
            throw Error(end.Position, $"unexpected {end} in {context}");
        }
        Add(name, list, start);
        return new TemplateNode(token.Position, name, pipe);
    }

    // {{template "name" [pipeline]}}
    private TemplateNode TemplateControl()
    {
        const string context = "template clause";
        var token = NextNonSpace();
        var name = TemplateName(token, context);
        PipeNode? pipe = null;
        if (NextNonSpace().Kind != TokenKind.RightDelim)
        {
            _index--;
            pipe = Pipeline(context, TokenKind.RightDelim);
        }
        return new TemplateNode(token.Position, name, pipe);
    }

    private string TemplateName(Token token, string context) =>
        token.Kind is TokenKind.String or TokenKind.RawString ? Unquote(token) : throw Unexpected(token, context);

    // declarations? command ('|' command)*, up to the end token (consumed).
    private PipeNode Pipeline(string context, TokenKind end)
    {
        var pipe = new PipeNode(PeekNonSpace().Position);
        ReadDeclarations(pipe, context);
        while (true)
        {
            var token = NextNonSpace();
            if (token.Kind == end)
            {
                CheckPipeline(pipe, context, token);
                return pipe;
            }
            switch (token.Kind)
            {
                case TokenKind.Bool or TokenKind.CharConstant or TokenKind.Dot or TokenKind.Field or TokenKind.Identifier
                    or TokenKind.Number or TokenKind.Nil or TokenKind.RawString or TokenKind.String or TokenKind.Variable
                    or TokenKind.LeftParen:
                    _index--;
                    pipe.Commands.Add(Command());
                    break;
                default:
                    throw Unexpected(token, context);
            }
        }
    }

    // "$x :=", "$x =", and in a range "$i, $e :=". "$x" followed by anything else is an operand: put it back.
    private void ReadDeclarations(PipeNode pipe, string context)
    {
        while (PeekNonSpace().Kind == TokenKind.Variable)
        {
            var variableIndex = _index;
            var variable = Next();
            var next = PeekNonSpace();
            if (next.Kind is TokenKind.Assign or TokenKind.Declare)
            {
                pipe.IsAssign = next.Kind == TokenKind.Assign;
                NextNonSpace();
                Declare(pipe, variable);
                return;
            }
            if (next.Kind == TokenKind.Char && next.Value == ",")
            {
                NextNonSpace();
                Declare(pipe, variable);
                if (context == "range" && pipe.Declarations.Count < 2)
                {
                    if (PeekNonSpace().Kind is TokenKind.Variable or TokenKind.RightDelim or TokenKind.RightParen)
                    {
                        continue;
                    }
                    throw Error(next.Position, "range can only initialize variables");
                }
                throw Error(next.Position, $"too many declarations in {context}");
            }
            _index = variableIndex;
            return;
        }
    }

    private void Declare(PipeNode pipe, Token variable)
    {
        pipe.Declarations.Add(new VariableNode(variable.Position, variable.Value, []));
        _variables.Add(variable.Value);
    }

    private void CheckPipeline(PipeNode pipe, string context, Token end)
    {
        if (pipe.Commands.Count == 0)
        {
            throw Error(end.Position, $"missing value for {context}");
        }
        for (var i = 1; i < pipe.Commands.Count; i++)
        {
            var first = pipe.Commands[i].Arguments[0];
            if (first is ConstantNode or DotNode)
            {
                throw Error(first.Position, $"non executable command in pipeline stage {i + 1}");
            }
        }
    }

    // operand (space operand)*, up to '|' (consumed) or a right delimiter or parenthesis (left).
    private CommandNode Command()
    {
        var command = new CommandNode(PeekNonSpace().Position);
        while (true)
        {
            PeekNonSpace();
            var operand = Operand();
            if (operand is not null)
            {
                command.Arguments.Add(operand);
            }
            var token = Next();
            if (token.Kind == TokenKind.Space)
            {
                continue;
            }
            if (token.Kind is TokenKind.RightDelim or TokenKind.RightParen)
            {
                _index--;
            }
            else if (token.Kind != TokenKind.Pipe)
            {
                throw Unexpected(token, "operand");
            }
            break;
        }
        if (command.Arguments.Count == 0)
        {
            throw Error(command.Position, "empty command");
        }
        return command;
    }

    // term .Field*
    private Node? Operand()
    {
        var node = Term();
        if (node is null || Peek().Kind != TokenKind.Field)
        {
            return node;
        }
        var fields = new List<string>();
        while (Peek().Kind == TokenKind.Field)
        {
            fields.Add(Next().Value[1..]);
        }
        return node switch
        {
            FieldNode field => new FieldNode(field.Position, [.. field.Names, .. fields]),
            VariableNode variable => new VariableNode(variable.Position, variable.Name, [.. variable.Fields, .. fields]),
            ConstantNode or DotNode => throw Error(node.Position, $"unexpected . after term {GoQuote.Quote(node.ToString())}"),
            _ => new ChainNode(node.Position, node, [.. fields]),
        };
    }

    // A literal, a function name, dot, a field, a variable or a parenthesised pipeline; null (nothing read) otherwise.
    private Node? Term()
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                if (!_functions.Contains(token.Value))
                {
                    throw Error(token.Position, $"function {GoQuote.Quote(token.Value)} not defined");
                }
                return new IdentifierNode(token.Position, token.Value);
            case TokenKind.Dot:
                return new DotNode(token.Position);
            case TokenKind.Nil:
                return new ConstantNode(token.Position, ConstantKind.Nil, "nil", null);
            case TokenKind.Variable:
                if (!_variables.Contains(token.Value))
                {
                    throw Error(token.Position, $"undefined variable {GoQuote.Quote(token.Value)}");
                }
                return new VariableNode(token.Position, token.Value, []);
            case TokenKind.Field:
                return new FieldNode(token.Position, [token.Value[1..]]);
            case TokenKind.Bool:
                return new ConstantNode(token.Position, ConstantKind.Bool, token.Value, token.Value == "true");
            case TokenKind.CharConstant or TokenKind.Number:
                return Number(token);
            case TokenKind.LeftParen:
                if (++_expressionDepth > MaxExpressionDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
                {
                    throw Error(token.Position, "max expression depth exceeded");
                }
                var pipe = Pipeline("parenthesized pipeline", TokenKind.RightParen);
                _expressionDepth--;
                return pipe;
            case TokenKind.String or TokenKind.RawString:
                return new ConstantNode(token.Position, ConstantKind.String, token.Value, Unquote(token));
        }
        _index--;
        return null;
    }

    private ConstantNode Number(Token token)
    {
        if (token.Kind == TokenKind.CharConstant)
        {
            var rune = GoQuote.UnquoteRune(token.Value) ??
                throw Error(token.Position, $"malformed character constant: {token.Value}");
            return new ConstantNode(token.Position, ConstantKind.Number, token.Value, (long)rune);
        }
        return GoNumber.TryParse(token.Value, out var value, out var error)
            ? new ConstantNode(token.Position, ConstantKind.Number, token.Value, value)
            : throw Error(token.Position, error);
    }

    private string Unquote(Token token) => GoQuote.Unquote(token.Value) ?? throw Error(token.Position, "invalid syntax");

    private Token Expect(TokenKind kind, string context)
    {
        var token = NextNonSpace();
        return token.Kind == kind ? token : throw Unexpected(token, context);
    }

    // The stream ends with EOF or an error; reading past the end reads that last token again.
    private Token Next()
    {
        var token = Peek();
        if (token.Kind == TokenKind.Error)
        {
            throw Error(token.Position, token.Value);
        }
        _index++;
        return token;
    }

    private Token Peek() => _tokens[Math.Min(_index, _tokens.Count - 1)];

    private Token NextNonSpace()
    {
        Token token;
        do
        {
            token = Next();
        }
        while (token.Kind == TokenKind.Space);
        return token;
    }

    // Skips spaces (they are consumed, as in Go) and returns the next token without consuming it.
    private Token PeekNonSpace()
    {
        while (Peek().Kind == TokenKind.Space)
        {
            _index++;
        }
        return Peek();
    }

    private TemplateException Unexpected(Token token, string context) =>
        token.Kind == TokenKind.Error ? Error(token.Position, token.Value) : Error(token.Position, $"unexpected {token} in {context}");

    private TemplateException Error(int position, string message)
    {
        var (line, column) = TemplateTree.LineAndColumn(_text, position);
        return new TemplateException(_parseName, line, column, message);
    }
}
