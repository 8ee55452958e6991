using Switchyard.Core.Encoding;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// Reads a backend's whole body into pooled memory: decoders need it all at once, and it is dropped as soon as it
/// is decoded, so renting avoids an array (and the framework's intermediate buffer) per backend call.
/// </summary>
internal static class BackendBody
{
    private const int UnknownLengthChunk = 4096;

    // A declared length is a hint, not a promise: the buffer grows as bytes arrive past this, so a backend announcing
    // gigabytes and sending little costs little.
    private const int MostReservedUpFront = 64 * 1024;

    /// <summary>The body; the caller disposes it once decoded.</summary>
    public static async ValueTask<PooledBufferWriter> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var length = content.Headers.ContentLength;
        var body = new PooledBufferWriter(length is > 0 ? (int)Math.Min(length.Value, MostReservedUpFront) : UnknownLengthChunk);
        try
        {
            // A response's content stream is at hand once the headers are read: the synchronous call allocates no task.
            var stream = content.ReadAsStream(cancellationToken);
            await using (stream.ConfigureAwait(false))
            {
                // With a known length, stop once it is all here instead of growing the buffer for the final empty read.
                while (body.WrittenCount != length)
                {
                    var read = await stream.ReadAsync(body.GetMemory(), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    body.Advance(read);
                }
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }
}
