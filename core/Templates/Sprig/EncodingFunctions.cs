using System.Text;

namespace Switchyard.Templates.Sprig;

/// <summary>
/// Sprig's <c>b64enc</c> and <c>b64dec</c> (standard alphabet, padded). Like Sprig, text that is not base64 decodes to
/// Go's error message rather than failing the template.
/// </summary>
internal static class EncodingFunctions
{
    public static void AddTo(TemplateFunctions functions)
    {
        functions.Add("b64enc", arguments =>
        {
            SprigArguments.Expect(arguments, "b64enc", 1);
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(SprigArguments.String(arguments, 0)));
        });
        functions.Add("b64dec", arguments =>
        {
            SprigArguments.Expect(arguments, "b64dec", 1);
            var text = SprigArguments.String(arguments, 0);
            return Decode(text) is { } bytes ? Encoding.UTF8.GetString(bytes) : $"illegal base64 data at input byte {IllegalByte(text)}";
        });
    }

    // Go's StdEncoding is strict: the standard alphabet, padding to a multiple of four, nothing else ('\r' and '\n' skipped).
    private static byte[]? Decode(string text)
    {
        var stripped = text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        if (stripped.Length % 4 != 0 || stripped.Any(c => c is ' ' or '\t'))
        {
            return null;
        }

        var bytes = new byte[stripped.Length / 4 * 3];
        return Convert.TryFromBase64String(stripped, bytes, out var written) ? bytes[..written] : null;
    }

    // Where Go's decoder stops: the first character outside the alphabet, or the end of an unpadded text.
    private static int IllegalByte(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '\r' or '\n'))
            {
                return Encoding.UTF8.GetByteCount(text.AsSpan(0, i));
            }
        }

        return text.Length / 4 * 4;
    }
}
