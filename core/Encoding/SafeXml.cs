using System.Xml;

namespace Switchyard.Core.Encoding;

/// <summary>
/// Opens backend XML safely: a DOCTYPE is skipped, never processed (no entity expansion, no external resources),
/// which is also how Go's decoder treats it. An entity the document would have declared there is then an error.
/// </summary>
internal static class SafeXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static XmlReader CreateReader(ReadOnlySpan<byte> body) =>
        XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), Settings);
}
