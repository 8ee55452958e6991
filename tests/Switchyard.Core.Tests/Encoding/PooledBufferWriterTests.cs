using FluentAssertions;
using Switchyard.Core.Encoding;
using Xunit;

namespace Switchyard.Core.Tests.Encoding;

public sealed class PooledBufferWriterTests
{
    [Fact]
    public void Writing_past_the_first_array_keeps_every_byte_in_order()
    {
        using var writer = new PooledBufferWriter(initialCapacity: 16);
        var expected = Enumerable.Range(0, 5000).Select(i => (byte)(i % 251)).ToArray();
        foreach (var chunk in expected.Chunk(7))
        {
            chunk.CopyTo(writer.GetSpan(chunk.Length));
            writer.Advance(chunk.Length);
        }

        writer.WrittenCount.Should().Be(expected.Length);
        writer.WrittenMemory.ToArray().Should().Equal(expected);
    }

    [Fact]
    public void Advancing_past_the_span_given_is_refused()
    {
        using var writer = new PooledBufferWriter(initialCapacity: 16);
        var available = writer.GetSpan().Length;

        var advance = () => writer.Advance(available + 1);

        advance.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_disposed_writer_gives_no_more_memory()
    {
        var writer = new PooledBufferWriter(initialCapacity: 16);
        writer.Dispose();

        Action getSpan = () => writer.GetSpan(1);

        getSpan.Should().Throw<ObjectDisposedException>();
        writer.WrittenCount.Should().Be(0);
    }
}
