namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// A recursive-descent parser for CEL's grammar (cel-spec <c>langdef.md</c>), lowest precedence first:
/// <c>? :</c> (right-associative), <c>||</c>, <c>&amp;&amp;</c>, relations and <c>in</c>, <c>+ -</c>, <c>* / %</c>,
/// unary <c>! -</c>, then member access, indexing and calls.
/// </summary>
internal sealed class CelParser
{
    /// <summary>How deeply parentheses, lists, maps and arguments may nest; deeper input is refused, not a stack overflow.</summary>
    public const int MaxNesting = 100;

    private const string ExpectingExpression =
        "{'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}";

    private readonly List<CelToken> _tokens;
    private int _index;
    private int _nesting;

    private CelParser(List<CelToken> tokens) => _tokens = tokens;

    private CelToken Current => _tokens[_index];

    /// <exception cref="CelSyntaxException">The text is not a CEL expression.</exception>
    public static CelExpr Parse(string source)
    {
        var parser = new CelParser(CelLexer.Tokenize(source));
        var expression = parser.ParseExpression();
        if (parser.Current.Kind != CelTokenKind.End)
        {
            throw new CelSyntaxException(parser.Current.Position, $"extraneous input '{parser.Current.Display}' expecting <EOF>");
        }

        return expression;
    }

    private CelExpr ParseExpression()
    {
        if (++_nesting > MaxNesting)
        {
            throw new CelSyntaxException(Current.Position, $"expression nested more than {MaxNesting} levels deep");
        }

        var condition = ParseOr();
        if (Current.Kind == CelTokenKind.Question)
        {
            var position = Advance().Position;
            var whenTrue = ParseOr();
            Expect(CelTokenKind.Colon, "':'");
            var whenFalse = ParseExpression();
            condition = Call(position, CelOperatorNames.Conditional, condition, whenTrue, whenFalse);
        }

        _nesting--;
        return condition;
    }

    private CelExpr ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == CelTokenKind.OrOr)
        {
            var position = Advance().Position;
            left = Call(position, CelOperatorNames.LogicalOr, left, ParseAnd());
        }

        return left;
    }

    private CelExpr ParseAnd()
    {
        var left = ParseRelation();
        while (Current.Kind == CelTokenKind.AndAnd)
        {
            var position = Advance().Position;
            left = Call(position, CelOperatorNames.LogicalAnd, left, ParseRelation());
        }

        return left;
    }

    private CelExpr ParseRelation()
    {
        var left = ParseAddition();
        while (true)
        {
            var function = Current.Kind switch
            {
                CelTokenKind.EqualEqual => CelOperatorNames.Equal,
                CelTokenKind.NotEqual => CelOperatorNames.NotEqual,
                CelTokenKind.Less => CelOperatorNames.Less,
                CelTokenKind.LessEqual => CelOperatorNames.LessEqual,
                CelTokenKind.Greater => CelOperatorNames.Greater,
                CelTokenKind.GreaterEqual => CelOperatorNames.GreaterEqual,
                CelTokenKind.In => CelOperatorNames.In,
                _ => null,
            };
            if (function is null)
            {
                return left;
            }

            var position = Advance().Position;
            left = Call(position, function, left, ParseAddition());
        }
    }

    private CelExpr ParseAddition()
    {
        var left = ParseMultiplication();
        while (Current.Kind is CelTokenKind.Plus or CelTokenKind.Minus)
        {
            var function = Current.Kind == CelTokenKind.Plus ? CelOperatorNames.Add : CelOperatorNames.Subtract;
            var position = Advance().Position;
            left = Call(position, function, left, ParseMultiplication());
        }

        return left;
    }

    private CelExpr ParseMultiplication()
    {
        var left = ParseUnary();
        while (Current.Kind is CelTokenKind.Star or CelTokenKind.Slash or CelTokenKind.Percent)
        {
            var function = Current.Kind switch
            {
                CelTokenKind.Star => CelOperatorNames.Multiply,
                CelTokenKind.Slash => CelOperatorNames.Divide,
                _ => CelOperatorNames.Modulo,
            };
            var position = Advance().Position;
            left = Call(position, function, left, ParseUnary());
        }

        return left;
    }

    private CelExpr ParseUnary()
    {
        if (Current.Kind is not (CelTokenKind.Bang or CelTokenKind.Minus))
        {
            return ParseMember();
        }

        var operators = new Stack<CelToken>();
        var kind = Current.Kind;
        while (Current.Kind == kind)
        {
            operators.Push(Advance());
        }

        // A minus right before a number literal is part of the literal, so that the smallest int can be written.
        var operand = kind == CelTokenKind.Minus && IsPlainNumber() ? NegativeNumber(operators.Pop()) : ParseMember();
        while (operators.Count > 0)
        {
            var token = operators.Pop();
            operand = Call(token.Position, kind == CelTokenKind.Bang ? CelOperatorNames.LogicalNot : CelOperatorNames.Negate, operand);
        }

        return operand;
    }

    private bool IsPlainNumber() =>
        Current.Kind is CelTokenKind.IntLiteral or CelTokenKind.DoubleLiteral
        && _tokens[_index + 1].Kind is not (CelTokenKind.Dot or CelTokenKind.LeftBracket);

    private CelLiteralExpr NegativeNumber(CelToken minus)
    {
        var number = Advance();
        if (number.Kind == CelTokenKind.DoubleLiteral)
        {
            return new CelLiteralExpr(minus.Position, CelValue.FromDouble(-number.Literal.AsDouble));
        }

        var magnitude = number.Literal.AsUint;
        return magnitude <= 1UL << 63
            ? new CelLiteralExpr(minus.Position, CelValue.FromInt(unchecked(-(long)magnitude)))
            : throw new CelSyntaxException(minus.Position, $"invalid int literal '-{number.Text}'");
    }

    private CelExpr ParseMember()
    {
        var operand = ParsePrimary();
        while (true)
        {
            if (Current.Kind == CelTokenKind.Dot)
            {
                Advance();
                var name = Expect(CelTokenKind.Identifier, "IDENTIFIER");
                if (Current.Kind == CelTokenKind.LeftParen)
                {
                    operand = CallOrMacro(name, operand);
                }
                else
                {
                    operand = new CelSelectExpr(name.Position, operand, name.Text, IsPresenceTest: false);
                }
            }
            else if (Current.Kind == CelTokenKind.LeftBracket)
            {
                var position = Advance().Position;
                var index = ParseExpression();
                Expect(CelTokenKind.RightBracket, "']'");
                operand = Call(position, CelOperatorNames.Index, operand, index);
            }
            else
            {
                return operand;
            }
        }
    }

    private CelExpr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case CelTokenKind.Dot when _tokens[_index + 1].Kind == CelTokenKind.Identifier:
                // A leading dot names the root scope; there are no nested scopes here, so it changes nothing.
                Advance();
                return ParsePrimary();
            case CelTokenKind.Identifier:
                Advance();
                return Current.Kind == CelTokenKind.LeftParen ? CallOrMacro(token, target: null) : new CelIdentExpr(token.Position, token.Text);
            case CelTokenKind.LeftParen:
                Advance();
                var inner = ParseExpression();
                Expect(CelTokenKind.RightParen, "')'");
                return inner;
            case CelTokenKind.LeftBracket:
                Advance();
                return new CelListExpr(token.Position, ParseList(CelTokenKind.RightBracket, "']'"));
            case CelTokenKind.LeftBrace:
                Advance();
                return new CelMapExpr(token.Position, ParseMapEntries());
            case CelTokenKind.IntLiteral:
                Advance();
                return token.Literal.AsUint <= long.MaxValue
                    ? new CelLiteralExpr(token.Position, CelValue.FromInt((long)token.Literal.AsUint))
                    : throw new CelSyntaxException(token.Position, $"invalid int literal '{token.Text}'");
            case CelTokenKind.UintLiteral or CelTokenKind.DoubleLiteral or CelTokenKind.StringLiteral or CelTokenKind.BytesLiteral
                or CelTokenKind.True or CelTokenKind.False or CelTokenKind.Null:
                Advance();
                return new CelLiteralExpr(token.Position, token.Literal);
            default:
                throw new CelSyntaxException(token.Position, $"mismatched input '{token.Display}' expecting {ExpectingExpression}");
        }
    }

    private CelExpr CallOrMacro(CelToken name, CelExpr? target)
    {
        Advance();
        var arguments = ParseList(CelTokenKind.RightParen, "')'");
        return CelMacros.TryExpand(name.Position, name.Text, target, arguments)
            ?? new CelCallExpr(name.Position, name.Text, target, arguments);
    }

    /// <summary>Reads comma-separated expressions up to <paramref name="close"/>; a trailing comma is allowed.</summary>
    private List<CelExpr> ParseList(CelTokenKind close, string closeText)
    {
        var items = new List<CelExpr>();
        while (Current.Kind != close)
        {
            items.Add(ParseExpression());
            if (Current.Kind != CelTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(close, closeText);
        return items;
    }

    private List<CelMapEntry> ParseMapEntries()
    {
        var entries = new List<CelMapEntry>();
        while (Current.Kind != CelTokenKind.RightBrace)
        {
            var key = ParseExpression();
            Expect(CelTokenKind.Colon, "':'");
            entries.Add(new CelMapEntry(key, ParseExpression()));
            if (Current.Kind != CelTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(CelTokenKind.RightBrace, "'}'");
        return entries;
    }

    private CelToken Advance() => _tokens[_index++];

    private CelToken Expect(CelTokenKind kind, string expected) =>
        Current.Kind == kind ? Advance() : throw new CelSyntaxException(Current.Position, $"mismatched input '{Current.Display}' expecting {expected}");

    private static CelCallExpr Call(int position, string function, params CelExpr[] arguments) => new(position, function, null, arguments);
}
