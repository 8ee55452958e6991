using System.Globalization;
using System.Text;

namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// Reads a quoted CEL string or bytes literal: <c>'..'</c>, <c>".."</c>, <c>'''..'''</c>, <c>"""..."""</c>, raw
/// (<c>r'..'</c>, no escapes) and bytes (<c>b'..'</c>). Escapes: <c>\a \b \f \n \r \t \v \\ \' \" \` \?</c>,
/// <c>\xHH</c>, <c>\uHHHH</c>, <c>\UHHHHHHHH</c> and three octal digits; in bytes <c>\x</c> and octal are single bytes.
/// </summary>
internal sealed class CelStringLiteralReader
{
    private readonly string _source;
    private readonly int _start;
    private readonly bool _isBytes;
    private readonly StringBuilder _text = new();
    private readonly List<byte> _bytes = [];

    private CelStringLiteralReader(string source, int start, bool isBytes)
    {
        _source = source;
        _start = start;
        _isBytes = isBytes;
    }

    /// <summary>Reads the literal whose opening quote is at <paramref name="position"/>, moving past its closing quote.</summary>
    /// <param name="source">The whole expression.</param>
    /// <param name="position">The opening quote; on return, just past the closing one.</param>
    /// <param name="tokenStart">Where the literal starts, prefix included, for messages.</param>
    /// <param name="isRaw">Whether escapes are kept as written.</param>
    /// <param name="isBytes">Whether the literal is bytes.</param>
    public static CelValue Read(string source, ref int position, int tokenStart, bool isRaw, bool isBytes)
    {
        var reader = new CelStringLiteralReader(source, tokenStart, isBytes);
        return reader.ReadBody(ref position, isRaw);
    }

    private CelValue ReadBody(ref int position, bool isRaw)
    {
        var quote = _source[position];
        var isTriple = position + 2 < _source.Length && _source[position + 1] == quote && _source[position + 2] == quote;
        var delimiter = isTriple ? new string(quote, 3) : quote.ToString();
        var at = position + delimiter.Length;
        while (true)
        {
            if (at >= _source.Length || (!isTriple && _source[at] is '\n' or '\r'))
            {
                throw new CelSyntaxException(_start, $"token recognition error at: '{_source[_start..at]}' (unterminated string literal)");
            }

            if (string.CompareOrdinal(_source, at, delimiter, 0, delimiter.Length) == 0)
            {
                position = at + delimiter.Length;
                return _isBytes ? CelValue.FromBytes([.. _bytes]) : CelValue.FromString(_text.ToString());
            }

            if (_source[at] == '\\' && !isRaw)
            {
                at = ReadEscape(at + 1);
                continue;
            }

            // An unpaired surrogate reads as U+FFFD instead of failing the whole expression.
            Rune.DecodeFromUtf16(_source.AsSpan(at), out var rune, out var consumed);
            AppendCodePoint(rune.Value);
            at += consumed;
        }
    }

    private int ReadEscape(int at)
    {
        if (at >= _source.Length)
        {
            throw Invalid(at - 1);
        }

        var c = _source[at];
        switch (c)
        {
            case 'a': AppendCodePoint(7); return at + 1;
            case 'b': AppendCodePoint(8); return at + 1;
            case 'f': AppendCodePoint(12); return at + 1;
            case 'n': AppendCodePoint('\n'); return at + 1;
            case 'r': AppendCodePoint('\r'); return at + 1;
            case 't': AppendCodePoint('\t'); return at + 1;
            case 'v': AppendCodePoint(11); return at + 1;
            case '\\' or '\'' or '"' or '`' or '?': AppendCodePoint(c); return at + 1;
            case 'x' or 'X':
                AppendOctet(ReadNumber(at + 1, 2, 16, at - 1));
                return at + 3;
            case 'u':
                AppendCodePoint(CheckCodePoint(ReadNumber(at + 1, 4, 16, at - 1), at - 1));
                return at + 5;
            case 'U':
                AppendCodePoint(CheckCodePoint(ReadNumber(at + 1, 8, 16, at - 1), at - 1));
                return at + 9;
            case >= '0' and <= '3':
                AppendOctet(ReadNumber(at, 3, 8, at - 1));
                return at + 3;
            default:
                throw Invalid(at - 1);
        }
    }

    private int ReadNumber(int at, int digits, int radix, int escapeStart)
    {
        if (at + digits > _source.Length)
        {
            throw Invalid(escapeStart);
        }

        var value = 0L;
        for (var i = at; i < at + digits; i++)
        {
            var digit = radix == 16 && char.IsAsciiHexDigit(_source[i]) ? int.Parse(_source.AsSpan(i, 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : radix == 8 && _source[i] is >= '0' and <= '7' ? _source[i] - '0'
                : -1;
            if (digit < 0)
            {
                throw Invalid(escapeStart);
            }

            value = (value * radix) + digit;
        }

        return (int)Math.Min(value, int.MaxValue);
    }

    private int CheckCodePoint(int value, int escapeStart) =>
        Rune.IsValid(value) ? value : throw Invalid(escapeStart);

    // \x and octal escapes are code points in a string but raw octets in bytes.
    private void AppendOctet(int value)
    {
        if (_isBytes)
        {
            _bytes.Add((byte)value);
        }
        else
        {
            AppendCodePoint(value);
        }
    }

    private void AppendCodePoint(int value)
    {
        var rune = new Rune(value);
        if (_isBytes)
        {
            Span<byte> utf8 = stackalloc byte[4];
            var length = rune.EncodeToUtf8(utf8);
            foreach (var octet in utf8[..length])
            {
                _bytes.Add(octet);
            }
        }
        else
        {
            _text.Append(rune.ToString());
        }
    }

    private CelSyntaxException Invalid(int escapeStart)
    {
        var end = Math.Min(escapeStart + 2, _source.Length);
        return new CelSyntaxException(escapeStart, $"invalid escape sequence '{_source[escapeStart..end]}'");
    }
}
