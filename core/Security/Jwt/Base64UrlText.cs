using System.Buffers.Text;

namespace Switchyard.Core.Security.Jwt;

/// <summary>Base64url text (RFC 4648 section 5) read leniently: with or without <c>=</c> padding.</summary>
public static class Base64UrlText
{
    /// <summary>The bytes of <paramref name="text"/>, or false when it is not base64url.</summary>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unpadded = text.AsSpan().TrimEnd('=');
        var buffer = new byte[Base64Url.GetMaxDecodedLength(unpadded.Length)];
        try
        {
            // The decoder throws on some characters instead of answering false.
            if (Base64Url.TryDecodeFromChars(unpadded, buffer, out var length))
            {
                bytes = buffer[..length];
                return true;
            }
        }
        catch (FormatException)
        {
        }

        bytes = [];
        return false;
    }
}
