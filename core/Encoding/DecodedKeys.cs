namespace Switchyard.Core.Encoding;

/// <summary>The keys decoders wrap non-object bodies in, as KrakenD names them.</summary>
public static class DecodedKeys
{
    /// <summary>Holds an array body (or, for <c>xml</c>, the whole document) when the backend is a collection.</summary>
    public const string Collection = "collection";

    /// <summary>Holds a body that is not an object: the raw text for <c>string</c>, a scalar for <c>safejson</c>.</summary>
    public const string Content = "content";
}
