using System.Diagnostics.CodeAnalysis;

namespace Switchyard.Core.Configuration;

/// <summary>
/// Reads durations written the way Go's <c>time.ParseDuration</c> accepts them: a sign, then one or more
/// decimal numbers each followed by a unit (<c>ns</c>, <c>us</c>, <c>µs</c>, <c>ms</c>, <c>s</c>, <c>m</c>,
/// <c>h</c>), such as <c>"150ms"</c>, <c>"1m30s"</c> or <c>"1.5s"</c>. <c>"0"</c> alone needs no unit.
/// </summary>
/// <remarks>
/// Go counts nanoseconds; <see cref="TimeSpan"/> counts 100 ns ticks, so the remainder below a tick is
/// dropped (<c>"150ns"</c> is one tick). The range is Go's: at most 2^63-1 ns, about 292 years.
/// </remarks>
public static class GoDuration
{
    private const ulong MaxNanoseconds = 1UL << 63;
    private const long NanosecondsPerTick = 100;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why, quoting the text.</summary>
    public static bool TryParse(string text, out TimeSpan value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var rest = text.AsSpan();
        var negative = false;
        if (rest.Length > 0 && rest[0] is '-' or '+')
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest is "0")
        {
            error = null;
            return true;
        }

        if (rest.IsEmpty)
        {
            error = Invalid(text);
            return false;
        }

        ulong total = 0;
        while (!rest.IsEmpty)
        {
            if (!TryReadTerm(ref rest, text, out var nanoseconds, out error))
            {
                return false;
            }

            total += nanoseconds;
            if (total > MaxNanoseconds)
            {
                error = Invalid(text);
                return false;
            }
        }

        if (!negative && total == MaxNanoseconds)
        {
            error = Invalid(text);
            return false;
        }

        var ticks = (long)(total / NanosecondsPerTick);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        error = null;
        return true;
    }

    /// <summary>Reads one <c>number unit</c> term, such as <c>1.5s</c>, as nanoseconds.</summary>
    private static bool TryReadTerm(ref ReadOnlySpan<char> rest, string text, out ulong nanoseconds, [NotNullWhen(false)] out string? error)
    {
        nanoseconds = 0;
        if (!(rest[0] == '.' || char.IsAsciiDigit(rest[0])))
        {
            error = Invalid(text);
            return false;
        }

        var integerDigits = CountDigits(rest);
        if (!TryReadInteger(rest[..integerDigits], out var whole))
        {
            error = Invalid(text);
            return false;
        }

        rest = rest[integerDigits..];
        ulong fraction = 0;
        double fractionScale = 1;
        var fractionDigits = 0;
        if (!rest.IsEmpty && rest[0] == '.')
        {
            rest = rest[1..];
            fractionDigits = CountDigits(rest);
            (fraction, fractionScale) = ReadFraction(rest[..fractionDigits]);
            rest = rest[fractionDigits..];
        }

        if (integerDigits == 0 && fractionDigits == 0)
        {
            // "." or ".s": a number without any digit.
            error = Invalid(text);
            return false;
        }

        var unitLength = rest.IndexOfAny("0123456789.");
        if (unitLength < 0)
        {
            unitLength = rest.Length;
        }

        if (unitLength == 0)
        {
            error = $"missing unit in duration {Quote(text)}";
            return false;
        }

        var unitText = rest[..unitLength];
        rest = rest[unitLength..];
        if (!TryGetUnit(unitText, out var unit))
        {
            error = $"unknown unit {Quote(unitText.ToString())} in duration {Quote(text)}";
            return false;
        }

        if (whole > MaxNanoseconds / unit)
        {
            error = Invalid(text);
            return false;
        }

        nanoseconds = whole * unit;
        if (fraction > 0)
        {
            nanoseconds += (ulong)(fraction * (unit / fractionScale));
            if (nanoseconds > MaxNanoseconds)
            {
                error = Invalid(text);
                return false;
            }
        }

        error = null;
        return true;
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && char.IsAsciiDigit(text[count]))
        {
            count++;
        }

        return count;
    }

    private static bool TryReadInteger(ReadOnlySpan<char> digits, out ulong value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            if (value > MaxNanoseconds / 10)
            {
                return false;
            }

            value = (value * 10) + (ulong)(digit - '0');
            if (value > MaxNanoseconds)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads fraction digits as value/scale, ignoring digits beyond what fits (they are below 1 ns).</summary>
    private static (ulong Value, double Scale) ReadFraction(ReadOnlySpan<char> digits)
    {
        ulong value = 0;
        double scale = 1;
        foreach (var digit in digits)
        {
            if (value > (MaxNanoseconds - 1) / 10)
            {
                break;
            }

            var next = (value * 10) + (ulong)(digit - '0');
            if (next > MaxNanoseconds)
            {
                break;
            }

            value = next;
            scale *= 10;
        }

        return (value, scale);
    }

    private static bool TryGetUnit(ReadOnlySpan<char> unit, out ulong nanoseconds)
    {
        nanoseconds = unit switch
        {
            "ns" => 1,
            "us" or "\u00b5s" or "\u03bcs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60 * 1_000_000_000UL,
            "h" => 3600 * 1_000_000_000UL,
            _ => 0,
        };
        return nanoseconds != 0;
    }

    private static string Invalid(string text) => $"invalid duration {Quote(text)}";

    private static string Quote(string text) => "\"" + text + "\"";
}
