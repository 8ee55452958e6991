using System.Buffers;
using System.Text.Unicode;

namespace Switchyard.Core.Encoding;

/// <summary>
/// A string's UTF-8 bytes in a pooled buffer, for the escapers that work on bytes. Lone surrogates become U+FFFD.
/// Dispose to return the buffer.
/// </summary>
internal readonly ref struct PooledUtf8
{
    private readonly byte[] _rented;
    private readonly int _length;

    public PooledUtf8(scoped ReadOnlySpan<char> text)
    {
        _rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, text.Length * 3));
        Utf8.FromUtf16(text, _rented, out _, out _length, replaceInvalidSequences: true);
    }

    public ReadOnlySpan<byte> Span => _rented.AsSpan(0, _length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(_rented);
}
