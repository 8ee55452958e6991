using System.Text.Json.Nodes;
using System.Xml;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Encoding;

/// <summary>
/// The <c>xml</c> backend encoding, producing the map KrakenD's XML decoder (mxj) builds: the root element's name is
/// the only top-level key; attributes become <c>-name</c> keys; an element's text stands alone when it has no
/// attributes or children, and goes under <c>#text</c> otherwise; repeated sibling elements become an array; every
/// leaf is a string and an empty element is <c>""</c>. Namespace prefixes are dropped. With <c>is_collection</c> the
/// map goes under <c>collection</c>. Anything after the root element is not read.
/// </summary>
public sealed class XmlDecoder : IResponseDecoder
{
    private const string TextKey = "#text";
    private const string AttributePrefix = "-";

    // Go's mxj trims exactly these around each run of text.
    private static readonly char[] Noise = ['\t', '\r', '\b', '\n', ' '];

    /// <inheritdoc />
    public string Name => EncodingNames.Xml;

    /// <inheritdoc />
    public JsonObject Decode(ReadOnlySpan<byte> body, bool isCollection)
    {
        try
        {
            using var reader = SafeXml.CreateReader(body);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var name = reader.LocalName;
                    var document = new JsonObject { [name] = ReadElement(reader) };
                    return isCollection ? new JsonObject { [DecodedKeys.Collection] = document } : document;
                }
            }
        }
        catch (XmlException e)
        {
            throw new DecodeException("invalid XML body: " + e.Message, e);
        }

        throw new DecodeException("invalid XML body: no root element");
    }

    // The reader stands on the element's start tag; on return it stands on its end tag.
    private static JsonNode ReadElement(XmlReader reader)
    {
        JsonObject? members = null;
        string? text = null;
        if (reader.MoveToFirstAttribute())
        {
            members = [];
            do
            {
                members[AttributePrefix + reader.LocalName] = reader.Value;
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        if (reader.IsEmptyElement)
        {
            return members ?? (JsonNode)string.Empty;
        }

        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var name = reader.LocalName;
                    AddMember(members ??= [], name, ReadElement(reader));
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    var run = reader.Value.Trim(Noise);
                    if (run.Length == 0)
                    {
                        break;
                    }

                    // mxj's rule: text seen before any attribute or child is the element's whole value (children
                    // that follow are then dropped); text after them is stored under #text.
                    if (members is { Count: > 0 })
                    {
                        members[TextKey] = run;
                    }
                    else
                    {
                        text = run;
                    }

                    break;
                case XmlNodeType.EndElement:
                    return text is not null ? text : members is { Count: > 0 } ? members : string.Empty;
            }
        }

        throw new DecodeException("invalid XML body: unexpected end of document");
    }

    private static void AddMember(JsonObject members, string name, JsonNode value)
    {
        if (!members.TryGetPropertyValue(name, out var existing))
        {
            members[name] = value;
        }
        else if (existing is JsonArray repeated)
        {
            repeated.Add(value);
        }
        else
        {
            // Detach the first value before it moves into the array: a node has one parent.
            members[name] = null;
            members[name] = new JsonArray(existing, value);
        }
    }
}
