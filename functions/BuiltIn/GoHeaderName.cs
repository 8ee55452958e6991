using System.Buffers;

namespace Switchyard.Functions.BuiltIn;

/// <summary>
/// Go's <c>textproto.CanonicalMIMEHeaderKey</c>: the first letter and every letter after a hyphen upper-case, the
/// rest lower-case (<c>content-md5</c> → <c>Content-Md5</c>). A name with a character that is not a token character is
/// returned unchanged, as Go does.
/// </summary>
internal static class GoHeaderName
{
    private static readonly SearchValues<char> TokenCharacters =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    public static string Canonicalize(string name)
    {
        if (name.AsSpan().ContainsAnyExcept(TokenCharacters) || IsCanonical(name))
        {
            return name;
        }

        return string.Create(name.Length, name, static (span, source) =>
        {
            var upper = true;
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                upper = c == '-';
            }
        });
    }

    private static bool IsCanonical(string name)
    {
        var upper = true;
        foreach (var c in name)
        {
            if (upper ? char.IsAsciiLetterLower(c) : char.IsAsciiLetterUpper(c))
            {
                return false;
            }

            upper = c == '-';
        }

        return true;
    }
}
