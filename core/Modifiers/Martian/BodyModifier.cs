using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>body.Modifier</c>: replaces the body with fixed bytes, sets <c>Content-Type</c> and drops <c>Content-Encoding</c>
/// (the length follows the new body). On a response it honours the <c>Range</c> of the request that was sent: one range
/// answers 206 with <c>Content-Range</c>, several answer 206 <c>multipart/byteranges</c>, an impossible one answers 416
/// with no body.
/// </summary>
internal sealed class BodyModifier(byte[] body, string contentType) : IRequestModifier, IResponseModifier
{
    private static readonly HashSet<string> ReplacedContentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Encoding", "Content-Length", "Content-Range",
    };

    // One boundary per modifier, as martian draws it: 30 random bytes in hexadecimal.
    private readonly string _boundary = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(30));

    public void ModifyRequest(MartianRequest request) =>
        request.Message.Content = Replace(request.Message.Content, body, contentType);

    public void ModifyResponse(MartianResponse response)
    {
        var message = response.Message;
        var range = response.Request.Headers.Get("Range");
        if (range.Length == 0)
        {
            message.Content = Replace(message.Content, body, contentType);
            return;
        }

        if (!TryReadRanges(range, out var ranges))
        {
            message.StatusCode = HttpStatusCode.RequestedRangeNotSatisfiable;
            message.Content = Replace(message.Content, [], contentType);
            return;
        }

        message.StatusCode = HttpStatusCode.PartialContent;
        if (ranges.Count == 1)
        {
            var (start, end) = ranges[0];
            message.Content = Replace(message.Content, body[start..(end + 1)], contentType);
            message.Content.Headers.TryAddWithoutValidation("Content-Range", ContentRange(start, end));
            return;
        }

        message.Content = Replace(message.Content, Multipart(ranges), "multipart/byteranges; boundary=" + _boundary);
    }

    // martian's reading of Range: "bytes=" trimmed (as a set of characters), ranges split on ',', "a-" meaning to the
    // end. A number that is not one fails the call as in martian; a range that is reversed or, unlike martian (which
    // panics), beyond the body answers 416.
    private bool TryReadRanges(string header, out List<(int Start, int End)> ranges)
    {
        ranges = [];
        foreach (var part in header.ToLowerInvariant().TrimStart('b', 'y', 't', 'e', 's', '=').Split(','))
        {
            var text = part.EndsWith('-') ? part + (body.Length - 1).ToString(CultureInfo.InvariantCulture) : part;
            var bounds = text.Split('-');
            if (bounds.Length != 2)
            {
                return false;
            }

            var start = Number(bounds[0]);
            var end = Number(bounds[1]);
            if (start > end || end >= body.Length)
            {
                return false;
            }

            ranges.Add((start, end));
        }

        return true;
    }

    private static int Number(string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new MartianModifierException($"body.Modifier: invalid range number \"{text.Trim()}\"");

    private string ContentRange(int start, int end) => $"bytes {start}-{end}/{body.Length}";

    // Go's multipart writer: each part opened by the boundary, its headers sorted, then the closing boundary.
    private byte[] Multipart(List<(int Start, int End)> ranges)
    {
        using var buffer = new MemoryStream();
        for (var i = 0; i < ranges.Count; i++)
        {
            var (start, end) = ranges[i];
            var head = $"{(i == 0 ? "" : "\r\n")}--{_boundary}\r\nContent-Range: {ContentRange(start, end)}\r\nContent-Type: {contentType}\r\n\r\n";
            buffer.Write(System.Text.Encoding.ASCII.GetBytes(head));
            buffer.Write(body, start, end - start + 1);
        }

        buffer.Write(System.Text.Encoding.ASCII.GetBytes($"\r\n--{_boundary}--\r\n"));
        return buffer.ToArray();
    }

    // The new content keeps the old one's other headers (Last-Modified, Content-Language...); the old one is released.
    private static ByteArrayContent Replace(HttpContent? old, byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        if (old is not null)
        {
            foreach (var (name, values) in old.Headers.NonValidated)
            {
                if (!ReplacedContentHeaders.Contains(name))
                {
                    content.Headers.TryAddWithoutValidation(name, values);
                }
            }

            old.Dispose();
        }

        content.Headers.TryAddWithoutValidation("Content-Type", type);
        return content;
    }
}
