using System.Text.Json.Nodes;

namespace Switchyard.Core.Encoding;

/// <summary>
/// Orders keys the way Go sorts strings: by their UTF-8 bytes. Ordinal UTF-16 order differs only when a
/// surrogate pair meets a character in U+E000..U+FFFF, which the fix-up below resolves.
/// </summary>
internal static class Utf8KeyOrder
{
    // A cached delegate: sorting with an IComparer wraps it in a new Comparison on every call, once per object written.
    public static readonly Comparison<KeyValuePair<string, JsonNode?>> ByKey = (x, y) => CompareKeys(x.Key, y.Key);

    private static int CompareKeys(string x, string y)
    {
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            int a = x[i];
            int b = y[i];
            if (a != b)
            {
                return CodePointRank(a) - CodePointRank(b);
            }
        }

        return x.Length - y.Length;
    }

    // Surrogates (code points above U+FFFF) sort after U+E000..U+FFFF in UTF-8, before them in UTF-16.
    private static int CodePointRank(int c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
