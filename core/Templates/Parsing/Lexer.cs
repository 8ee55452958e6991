using System.Globalization;
using System.Text;

namespace Switchyard.Templates.Parsing;

/// <summary>
/// Splits template text into tokens the way Go's <c>text/template/parse</c> lexer does: text outside <c>{{ }}</c>,
/// the words of each action, trim markers (<c>{{- </c> and <c> -}}</c>, the space is required) removing the white space
/// beside them, and comments dropped. A lexical error becomes an <see cref="TokenKind.Error"/> token that ends the
/// stream, so the parser reports errors in the order they occur in the text.
/// </summary>
internal sealed class Lexer
{
    private const string LeftDelim = "{{";
    private const string RightDelim = "}}";
    private const string LeftComment = "/*";
    private const string RightComment = "*/";

    private readonly string _text;
    private readonly bool _breakIsKeyword;
    private readonly bool _continueIsKeyword;
    private readonly List<Token> _tokens = [];
    private int _position;
    private int _start;
    private int _actionStart;

    private Lexer(string text, bool breakIsKeyword, bool continueIsKeyword)
    {
        _text = text;
        _breakIsKeyword = breakIsKeyword;
        _continueIsKeyword = continueIsKeyword;
    }

    /// <summary>
    /// The tokens of <paramref name="text"/>, ending with EOF or an error. <c>break</c> and <c>continue</c> are keywords
    /// unless a function has that name (as in Go).
    /// </summary>
    public static List<Token> Tokenize(string text, bool breakIsKeyword, bool continueIsKeyword)
    {
        var lexer = new Lexer(text, breakIsKeyword, continueIsKeyword);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        while (LexText() && LexAction())
        {
        }
    }

    // Text up to the next "{{", then the delimiter itself; comments are skipped. False at EOF or an error.
    private bool LexText()
    {
        while (true)
        {
            var delim = _text.IndexOf(LeftDelim, _position, StringComparison.Ordinal);
            if (delim < 0)
            {
                if (_text.Length > _start)
                {
                    Emit(TokenKind.Text, _start, _text[_start..]);
                }
                Emit(TokenKind.EOF, _text.Length, "");
                return false;
            }
            var afterDelim = delim + LeftDelim.Length;
            var trim = HasLeftTrimMarker(afterDelim);
            var textEnd = trim ? TrimmedEnd(_start, delim) : delim;
            if (textEnd > _start)
            {
                Emit(TokenKind.Text, _start, _text[_start..textEnd]);
            }
            _actionStart = delim;
            _position = afterDelim + (trim ? 2 : 0);
            if (string.CompareOrdinal(_text, _position, LeftComment, 0, LeftComment.Length) != 0)
            {
                Emit(TokenKind.LeftDelim, delim, LeftDelim);
                _start = _position;
                return true;
            }
            if (!SkipComment(delim))
            {
                return false;
            }
        }
    }

    private bool SkipComment(int delim)
    {
        var end = _text.IndexOf(RightComment, _position + LeftComment.Length, StringComparison.Ordinal);
        if (end < 0)
        {
            return Fail(delim, "unclosed comment");
        }
        _position = end + RightComment.Length;
        var (isDelim, trim) = AtRightDelim(_position);
        if (!isDelim)
        {
            return Fail(delim, "comment ends before closing delimiter");
        }
        _position += (trim ? 2 : 0) + RightDelim.Length;
        if (trim)
        {
            _position = SkipSpace(_position);
        }
        _start = _position;
        return true;
    }

    // The inside of one action, up to and including its right delimiter. False at an error.
    private bool LexAction()
    {
        // Where each open parenthesis is, to name the one left unclosed.
        var openParens = new Stack<int>();
        while (true)
        {
            var (isDelim, trim) = AtRightDelim(_position);
            if (isDelim)
            {
                if (openParens.Count != 0)
                {
                    return Fail(openParens.Peek(), "unclosed left paren");
                }
                if (trim)
                {
                    _position += 2;
                }
                Emit(TokenKind.RightDelim, _position, RightDelim);
                _position += RightDelim.Length;
                if (trim)
                {
                    _position = SkipSpace(_position);
                }
                _start = _position;
                return true;
            }
            if (_position >= _text.Length)
            {
                return Fail(_actionStart, "unclosed action");
            }
            _start = _position;
            var c = _text[_position];
            if (IsSpace(c))
            {
                LexSpace();
                continue;
            }
            _position++;
            switch (c)
            {
                case '=':
                    Emit(TokenKind.Assign, _start, "=");
                    break;
                case ':':
                    if (_position >= _text.Length || _text[_position] != '=')
                    {
                        return Fail(_start, "expected :=");
                    }
                    _position++;
                    Emit(TokenKind.Declare, _start, ":=");
                    break;
                case '|':
                    Emit(TokenKind.Pipe, _start, "|");
                    break;
                case '"':
                    if (!LexQuoted('"', TokenKind.String, "unterminated quoted string"))
                    {
                        return false;
                    }
                    break;
                case '`':
                    if (!LexRawQuote())
                    {
                        return false;
                    }
                    break;
                case '$':
                    if (!LexFieldOrVariable(TokenKind.Variable))
                    {
                        return false;
                    }
                    break;
                case '\'':
                    if (!LexQuoted('\'', TokenKind.CharConstant, "unterminated character constant"))
                    {
                        return false;
                    }
                    break;
                case '.' when _position >= _text.Length || !char.IsAsciiDigit(_text[_position]):
                    if (!LexFieldOrVariable(TokenKind.Field))
                    {
                        return false;
                    }
                    break;
                case '.' or '+' or '-' or (>= '0' and <= '9'):
                    _position--;
                    if (!LexNumber())
                    {
                        return false;
                    }
                    break;
                case '(':
                    Emit(TokenKind.LeftParen, _start, "(");
                    openParens.Push(_start);
                    break;
                case ')':
                    if (!openParens.TryPop(out _))
                    {
                        return Fail(_start, "unexpected right paren");
                    }
                    Emit(TokenKind.RightParen, _start, ")");
                    break;
                default:
                    if (IsAlphaNumeric(c))
                    {
                        _position--;
                        if (!LexIdentifier())
                        {
                            return false;
                        }
                    }
                    else if (c < 0x7F && !char.IsControl(c))
                    {
                        Emit(TokenKind.Char, _start, c.ToString());
                    }
                    else
                    {
                        return Fail(_start, $"unrecognized character in action: {DescribeRune(RuneAt(_start))}");
                    }
                    break;
            }
        }
    }

    // A run of spaces; the space of a " -}}" belongs to the delimiter.
    private void LexSpace()
    {
        var count = 0;
        while (_position < _text.Length && IsSpace(_text[_position]))
        {
            _position++;
            count++;
        }
        if (HasRightTrimMarker(_position - 1) &&
            string.CompareOrdinal(_text, _position + 1, RightDelim, 0, RightDelim.Length) == 0)
        {
            _position--;
            if (count == 1)
            {
                return;
            }
        }
        Emit(TokenKind.Space, _start, _text[_start.._position]);
    }

    private bool LexIdentifier()
    {
        while (_position < _text.Length && IsAlphaNumeric(_text[_position]))
        {
            _position++;
        }
        if (!AtTerminator())
        {
            return Fail(_start, $"bad character {DescribeRune(RuneAt(_position))}");
        }
        var word = _text[_start.._position];
        var kind = word switch
        {
            "block" => TokenKind.Block,
            "break" when _breakIsKeyword => TokenKind.Break,
            "continue" when _continueIsKeyword => TokenKind.Continue,
            "define" => TokenKind.Define,
            "else" => TokenKind.Else,
            "end" => TokenKind.End,
            "if" => TokenKind.If,
            "range" => TokenKind.Range,
            "nil" => TokenKind.Nil,
            "template" => TokenKind.Template,
            "with" => TokenKind.With,
            "true" or "false" => TokenKind.Bool,
            _ => TokenKind.Identifier,
        };
        Emit(kind, _start, word);
        return true;
    }

    // ".Field" or "$variable"; a lone "." is dot and a lone "$" the root variable. The '.' or '$' is consumed.
    private bool LexFieldOrVariable(TokenKind kind)
    {
        if (AtTerminator())
        {
            Emit(kind == TokenKind.Variable ? TokenKind.Variable : TokenKind.Dot, _start, _text[_start.._position]);
            return true;
        }
        while (_position < _text.Length && IsAlphaNumeric(_text[_position]))
        {
            _position++;
        }
        if (!AtTerminator())
        {
            return Fail(_start, $"bad character {DescribeRune(RuneAt(_position))}");
        }
        Emit(kind, _start, _text[_start.._position]);
        return true;
    }

    // A character constant or an interpreted string, its opening quote read; escapes are checked by the parser.
    private bool LexQuoted(char quote, TokenKind kind, string unterminated)
    {
        while (true)
        {
            var c = Next();
            if (c == '\\')
            {
                c = Next();
                if (c is not (-1 or '\n'))
                {
                    continue;
                }
            }
            if (c is -1 or '\n')
            {
                return Fail(_start, unterminated);
            }
            if (c == quote)
            {
                break;
            }
        }
        Emit(kind, _start, _text[_start.._position]);
        return true;
    }

    private bool LexRawQuote()
    {
        var end = _text.IndexOf('`', _position);
        if (end < 0)
        {
            return Fail(_start, "unterminated raw quoted string");
        }
        _position = end + 1;
        Emit(TokenKind.RawString, _start, _text[_start.._position]);
        return true;
    }

    // Go's scanner is deliberately loose ("0x0.2", "089" pass here); the parser rejects what does not convert.
    private bool LexNumber()
    {
        if (!ScanNumber())
        {
            return Fail(_start, $"bad number syntax: {GoQuote.Quote(_text[_start.._position])}");
        }
        if (_position < _text.Length && _text[_position] is '+' or '-')
        {
            // Go reads "1+2i" as a complex constant; templates here have no complex values, so it is a bad number
            // either way.
            ScanNumber();
            return Fail(_start, $"bad number syntax: {GoQuote.Quote(_text[_start.._position])}");
        }
        Emit(TokenKind.Number, _start, _text[_start.._position]);
        return true;
    }

    private bool ScanNumber()
    {
        Accept("+-");
        var digits = "0123456789_";
        if (Accept("0"))
        {
            if (Accept("xX"))
            {
                digits = "0123456789abcdefABCDEF_";
            }
            else if (Accept("oO"))
            {
                digits = "01234567_";
            }
            else if (Accept("bB"))
            {
                digits = "01_";
            }
        }
        AcceptRun(digits);
        if (Accept("."))
        {
            AcceptRun(digits);
        }
        if (digits.Length == 11 && Accept("eE"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }
        if (digits.Length == 23 && Accept("pP"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }
        Accept("i");
        if (_position < _text.Length && IsAlphaNumeric(_text[_position]))
        {
            _position++;
            return false;
        }
        return true;
    }

    private bool Accept(string valid)
    {
        if (_position < _text.Length && valid.Contains(_text[_position], StringComparison.Ordinal))
        {
            _position++;
            return true;
        }
        return false;
    }

    private void AcceptRun(string valid)
    {
        while (Accept(valid))
        {
        }
    }

    private int Next() => _position < _text.Length ? _text[_position++] : -1;

    // What may follow an identifier, field or variable: breaks ".X.Y" into two and refuses "$x+2".
    private bool AtTerminator()
    {
        if (_position >= _text.Length)
        {
            return true;
        }
        var c = _text[_position];
        return IsSpace(c) || c is '.' or ',' or '|' or ':' or ')' or '(' || c == RightDelim[0];
    }

    // Whether the right delimiter starts at position, possibly preceded by a trim marker (" -}}").
    private (bool IsDelim, bool Trim) AtRightDelim(int position)
    {
        if (HasRightTrimMarker(position) &&
            string.CompareOrdinal(_text, position + 2, RightDelim, 0, RightDelim.Length) == 0)
        {
            return (true, true);
        }
        return (string.CompareOrdinal(_text, position, RightDelim, 0, RightDelim.Length) == 0, false);
    }

    private bool HasLeftTrimMarker(int position) =>
        position + 1 < _text.Length && _text[position] == '-' && IsSpace(_text[position + 1]);

    private bool HasRightTrimMarker(int position) =>
        position >= 0 && position + 1 < _text.Length && IsSpace(_text[position]) && _text[position + 1] == '-';

    private int TrimmedEnd(int start, int end)
    {
        while (end > start && IsSpace(_text[end - 1]))
        {
            end--;
        }
        return end;
    }

    private int SkipSpace(int position)
    {
        while (position < _text.Length && IsSpace(_text[position]))
        {
            position++;
        }
        return position;
    }

    private void Emit(TokenKind kind, int position, string value) => _tokens.Add(new Token(kind, position, value));

    private bool Fail(int position, string message)
    {
        Emit(TokenKind.Error, position, message);
        return false;
    }

    private Rune RuneAt(int position) =>
        position < _text.Length && Rune.TryGetRuneAt(_text, position, out var rune) ? rune : Rune.ReplacementChar;

    // Go's %#U: U+0023 '#'.
    private static string DescribeRune(Rune rune) =>
        string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4} '{rune}'");

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsAlphaNumeric(char c) => c == '_' || char.IsLetterOrDigit(c);
}
