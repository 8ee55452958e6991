using System.Buffers;

namespace Switchyard.Core.Encoding;

/// <summary>
/// Escapes text for XML content and attribute values as KrakenD's XML renderer does (mxj with escaping on): the five
/// characters <c>&amp; &lt; &gt; " '</c> become entities, everything else is written as is.
/// </summary>
internal static class XmlText
{
    private static readonly SearchValues<byte> Special = SearchValues.Create("&<>\"'"u8);

    public static void Write(ref Utf8Sink sink, scoped ReadOnlySpan<char> text)
    {
        using var utf8 = new PooledUtf8(text);
        Write(ref sink, utf8.Span);
    }

    public static void Write(ref Utf8Sink sink, scoped ReadOnlySpan<byte> utf8)
    {
        while (true)
        {
            var next = utf8.IndexOfAny(Special);
            if (next < 0)
            {
                sink.Write(utf8);
                return;
            }

            sink.Write(utf8[..next]);
            sink.Write(utf8[next] switch
            {
                (byte)'&' => "&amp;"u8,
                (byte)'<' => "&lt;"u8,
                (byte)'>' => "&gt;"u8,
                (byte)'"' => "&quot;"u8,
                _ => "&apos;"u8,
            });
            utf8 = utf8[(next + 1)..];
        }
    }
}
