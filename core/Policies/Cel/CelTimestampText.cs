using System.Globalization;
using System.Text.RegularExpressions;

namespace Switchyard.Core.Policies.Cel;

/// <summary>Reads and writes timestamps as RFC 3339 text, the only form CEL's <c>timestamp(string)</c> accepts.</summary>
internal static partial class CelTimestampText
{
    private const int MaxFractionDigits = 7;

    /// <summary>Reads <c>2030-01-01T00:00:00Z</c> or <c>2030-01-01T01:00:00.5+01:00</c>; digits below 100 ns are dropped.</summary>
    public static bool TryParse(string text, out long utcTicks)
    {
        utcTicks = 0;
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var fraction = match.Groups["fraction"].Value;
        var normalized = string.Concat(
            match.Groups["seconds"].Value.ToUpperInvariant(),
            fraction.Length > MaxFractionDigits + 1 ? fraction[..(MaxFractionDigits + 1)] : fraction,
            match.Groups["zone"].Value is "Z" or "z" ? "+00:00" : match.Groups["zone"].Value);
        if (!DateTimeOffset.TryParseExact(normalized, fraction.Length == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return false;
        }

        utcTicks = instant.UtcTicks;
        return true;
    }

    /// <summary>Writes UTC RFC 3339 with as many fraction digits as needed, as Go's <c>RFC3339Nano</c> does.</summary>
    public static string Format(long utcTicks)
    {
        var instant = new DateTime(utcTicks, DateTimeKind.Utc);
        return instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + "Z";
    }

    [GeneratedRegex(@"^(?<seconds>[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2})(?<fraction>\.[0-9]+)?(?<zone>[Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
