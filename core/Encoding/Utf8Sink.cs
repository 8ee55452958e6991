using System.Buffers;
using System.Text.Unicode;

namespace Switchyard.Core.Encoding;

/// <summary>
/// A small buffered front for an <see cref="IBufferWriter{T}"/>: the encoders write byte by byte and in short runs,
/// and asking the writer for a span each time would dominate the cost. Call <see cref="Flush"/> when done.
/// </summary>
internal ref struct Utf8Sink
{
    private const int MinimumChunk = 512;

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _buffer;
    private int _used;

    public Utf8Sink(IBufferWriter<byte> output)
    {
        _output = output;
        _buffer = default;
        _used = 0;
    }

    public void Write(byte value)
    {
        if (_used == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_used++] = value;
    }

    public void Write(scoped ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _used)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer[_used..]);
        _used += bytes.Length;
    }

    /// <summary>Writes UTF-16 text as UTF-8; a lone surrogate becomes U+FFFD, as Go does with invalid UTF-8.</summary>
    public void Write(scoped ReadOnlySpan<char> text)
    {
        var needed = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        if (needed > _buffer.Length - _used)
        {
            Grow(needed);
        }

        Utf8.FromUtf16(text, _buffer[_used..], out _, out var written, replaceInvalidSequences: true);
        _used += written;
    }

    /// <summary>Hands everything written so far to the underlying writer.</summary>
    public void Flush()
    {
        if (_used > 0)
        {
            _output.Advance(_used);
        }

        _used = 0;
        _buffer = default;
    }

    private void Grow(int sizeHint)
    {
        Flush();
        _buffer = _output.GetSpan(Math.Max(sizeHint, MinimumChunk));
    }
}
