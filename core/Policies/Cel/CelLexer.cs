using System.Globalization;

namespace Switchyard.Core.Policies.Cel;

/// <summary>Splits an expression into tokens, skipping whitespace and <c>//</c> comments.</summary>
internal static class CelLexer
{
    // Words CEL keeps for future use: they can never name a variable or a function.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while",
    };

    /// <exception cref="CelSyntaxException">A character no token can start with, a bad literal or an unterminated string.</exception>
    public static List<CelToken> Tokenize(string source)
    {
        var tokens = new List<CelToken>();
        var at = 0;
        while (true)
        {
            at = SkipBlank(source, at);
            if (at >= source.Length)
            {
                tokens.Add(new CelToken(CelTokenKind.End, source.Length, ""));
                return tokens;
            }

            var start = at;
            var c = source[at];
            if (char.IsAsciiDigit(c) || (c == '.' && at + 1 < source.Length && char.IsAsciiDigit(source[at + 1])))
            {
                tokens.Add(CelNumberReader.Read(source, ref at));
            }
            else if (c is '\'' or '"')
            {
                var value = CelStringLiteralReader.Read(source, ref at, start, isRaw: false, isBytes: false);
                tokens.Add(new CelToken(CelTokenKind.StringLiteral, start, source[start..at], value));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                tokens.Add(ReadWord(source, ref at));
            }
            else
            {
                tokens.Add(ReadPunctuation(source, ref at));
            }
        }
    }

    private static int SkipBlank(string source, int at)
    {
        while (at < source.Length)
        {
            if (source[at] is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                at++;
            }
            else if (source[at] == '/' && at + 1 < source.Length && source[at + 1] == '/')
            {
                var end = source.IndexOf('\n', at);
                at = end < 0 ? source.Length : end + 1;
            }
            else
            {
                break;
            }
        }

        return at;
    }

    private static CelToken ReadWord(string source, ref int at)
    {
        var start = at;
        while (at < source.Length && (char.IsAsciiLetterOrDigit(source[at]) || source[at] == '_'))
        {
            at++;
        }

        var word = source[start..at];
        if (at < source.Length && source[at] is '\'' or '"' && IsStringPrefix(word, out var isRaw, out var isBytes))
        {
            var value = CelStringLiteralReader.Read(source, ref at, start, isRaw, isBytes);
            return new CelToken(isBytes ? CelTokenKind.BytesLiteral : CelTokenKind.StringLiteral, start, source[start..at], value);
        }

        return word switch
        {
            "true" => new CelToken(CelTokenKind.True, start, word, CelValue.True),
            "false" => new CelToken(CelTokenKind.False, start, word, CelValue.False),
            "null" => new CelToken(CelTokenKind.Null, start, word, CelValue.Null),
            "in" => new CelToken(CelTokenKind.In, start, word),
            _ when Reserved.Contains(word) => throw new CelSyntaxException(start, $"reserved identifier: {word}"),
            _ => new CelToken(CelTokenKind.Identifier, start, word),
        };
    }

    private static bool IsStringPrefix(string word, out bool isRaw, out bool isBytes)
    {
        var lower = word.ToLowerInvariant();
        isRaw = lower.Contains('r', StringComparison.Ordinal);
        isBytes = lower.Contains('b', StringComparison.Ordinal);
        return lower is "r" or "b" or "rb" or "br";
    }

    private static CelToken ReadPunctuation(string source, ref int at)
    {
        var start = at;
        var next = at + 1 < source.Length ? source[at + 1] : '\0';
        (CelTokenKind Kind, int Length) token = source[at] switch
        {
            '(' => (CelTokenKind.LeftParen, 1),
            ')' => (CelTokenKind.RightParen, 1),
            '[' => (CelTokenKind.LeftBracket, 1),
            ']' => (CelTokenKind.RightBracket, 1),
            '{' => (CelTokenKind.LeftBrace, 1),
            '}' => (CelTokenKind.RightBrace, 1),
            '.' => (CelTokenKind.Dot, 1),
            ',' => (CelTokenKind.Comma, 1),
            ':' => (CelTokenKind.Colon, 1),
            '?' => (CelTokenKind.Question, 1),
            '+' => (CelTokenKind.Plus, 1),
            '-' => (CelTokenKind.Minus, 1),
            '*' => (CelTokenKind.Star, 1),
            '/' => (CelTokenKind.Slash, 1),
            '%' => (CelTokenKind.Percent, 1),
            '!' when next == '=' => (CelTokenKind.NotEqual, 2),
            '!' => (CelTokenKind.Bang, 1),
            '=' when next == '=' => (CelTokenKind.EqualEqual, 2),
            '<' when next == '=' => (CelTokenKind.LessEqual, 2),
            '<' => (CelTokenKind.Less, 1),
            '>' when next == '=' => (CelTokenKind.GreaterEqual, 2),
            '>' => (CelTokenKind.Greater, 1),
            '&' when next == '&' => (CelTokenKind.AndAnd, 2),
            '|' when next == '|' => (CelTokenKind.OrOr, 2),
            _ => throw new CelSyntaxException(start, $"token recognition error at: '{source[start].ToString(CultureInfo.InvariantCulture)}'"),
        };
        at += token.Length;
        return new CelToken(token.Kind, start, source.Substring(start, token.Length));
    }
}
