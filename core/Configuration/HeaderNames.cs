namespace Switchyard.Core.Configuration;

/// <summary>Header name spelling shared by the configuration and the pipeline.</summary>
internal static class HeaderNames
{
    /// <summary>
    /// The canonical form Go's <c>textproto</c> gives a header name: first letter and every letter after a
    /// hyphen upper-cased, the rest lower-cased (<c>x-api-KEY</c> → <c>X-Api-Key</c>). A name with a
    /// character that cannot be in a header name is returned unchanged, as Go does.
    /// </summary>
    public static string Canonical(string name)
    {
        foreach (var c in name)
        {
            if (!IsTokenChar(c))
            {
                return name;
            }
        }

        return string.Create(name.Length, name, static (buffer, source) =>
        {
            var upper = true;
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                buffer[i] = upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                upper = c == '-';
            }
        });
    }

    /// <summary>True when <paramref name="name"/> can be a header name: one or more RFC 9110 token characters.</summary>
    public static bool IsValid(string name) => name.Length > 0 && name.All(IsTokenChar);

    // RFC 9110 token characters.
    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);
}
