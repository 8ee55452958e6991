namespace Switchyard.Core.Encoding;

/// <summary>The <c>Content-Type</c> values the output encoders answer with, as KrakenD's renderers send them.</summary>
public static class ContentTypes
{
    public const string Json = "application/json; charset=utf-8";
    public const string PlainText = "text/plain; charset=utf-8";
    public const string Yaml = "application/yaml; charset=utf-8";

    /// <summary>KrakenD's XML renderer sets the bare media type when it has data to write.</summary>
    public const string Xml = "application/xml";

    /// <summary>What KrakenD sends (with an empty body) when there is no data to render as XML.</summary>
    public const string XmlWithoutData = "application/xml; charset=utf-8";
}
