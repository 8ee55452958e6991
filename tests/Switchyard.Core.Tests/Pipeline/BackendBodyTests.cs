using System.Net;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Tests.Pipeline;

public sealed class BackendBodyTests
{
    /// <summary>A body sent in small pieces with no declared length, as a chunked response arrives.</summary>
    private sealed class Trickle(byte[] bytes, int piece) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = Math.Min(Math.Min(count, piece), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, read);
            _position += read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(100_000)]
    public async Task A_body_of_declared_length_is_read_whole(int length)
    {
        var expected = Bytes(length);
        using var content = new ByteArrayContent(expected);

        using var body = await BackendBody.ReadAsync(content, default);

        body.WrittenMemory.ToArray().Should().Equal(expected);
    }

    [Fact]
    public async Task A_body_of_unknown_length_larger_than_the_first_buffer_is_read_whole()
    {
        var expected = Bytes(20_000);
        using var content = new StreamContent(new Trickle(expected, piece: 700));
        content.Headers.ContentLength.Should().BeNull("the length is unknown, as with a chunked answer");

        using var body = await BackendBody.ReadAsync(content, default);

        body.WrittenMemory.ToArray().Should().Equal(expected);
    }

    [Fact]
    public async Task A_chunked_body_over_a_real_connection_is_read_whole_on_every_call()
    {
        var expected = Bytes(50_000);
        await using var backend = await Switchyard.Testing.TestBackend.StartAsync(async context =>
        {
            // No Content-Length: Kestrel sends it chunked, in pieces.
            foreach (var piece in expected.Chunk(8_000))
            {
                await context.Response.Body.WriteAsync(piece);
                await context.Response.Body.FlushAsync();
            }
        });
        using var client = BackendHttpClient.Create();

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, backend.Host + "/big");
            using var response = await client.SendAsync(request, default);
            using var body = await BackendBody.ReadAsync(response.Content, default);

            response.StatusCode.Should().Be(HttpStatusCode.OK);
            body.WrittenMemory.ToArray().Should().Equal(expected);
        }
    }
}
