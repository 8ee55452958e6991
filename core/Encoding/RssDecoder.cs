using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Encoding;

/// <summary>
/// The <c>rss</c> backend encoding: an RSS (2.0, 0.9x, 1.0) or Atom feed, as KrakenD's gofeed-based decoder maps it.
/// Top-level keys are always <c>items</c>, <c>author</c> (null without one), <c>categories</c> (null without any),
/// <c>custom</c> (null), <c>copyright</c>, <c>description</c>, <c>type</c> (<c>rss</c> or <c>atom</c>),
/// <c>language</c>, <c>title</c>, <c>published</c> and <c>updated</c>; <c>img_url</c> only when the feed has an image.
/// Items carry gofeed's item fields with empty ones left out. <c>is_collection</c> changes nothing.
/// </summary>
public sealed class RssDecoder : IResponseDecoder
{
    /// <inheritdoc />
    public string Name => EncodingNames.Rss;

    /// <inheritdoc />
    public JsonObject Decode(ReadOnlySpan<byte> body, bool isCollection)
    {
        XElement root;
        try
        {
            using var reader = SafeXml.CreateReader(body);
            root = XDocument.Load(reader).Root ?? throw new DecodeException("invalid feed: no root element");
        }
        catch (XmlException e)
        {
            throw new DecodeException("invalid feed: " + e.Message, e);
        }

        var feed = root.Name.LocalName switch
        {
            "rss" or "RDF" => RssFeedReader.Read(root),
            "feed" => AtomFeedReader.Read(root),
            var other => throw new DecodeException($"invalid feed: unknown root element <{other}>"),
        };
        return ToData(feed);
    }

    // Nodes are added as JsonNode throughout: the generic JsonArray.Add<T> (which a JsonObject or string argument would
    // bind to) serializes by reflection, which Native AOT cannot.
    private static JsonObject ToData(Feed feed)
    {
        var items = new JsonArray();
        foreach (var item in feed.Items)
        {
            items.Add((JsonNode)ToData(item));
        }

        var data = new JsonObject
        {
            ["items"] = items,
            ["author"] = feed.Author is null ? null : ToData(feed.Author),
            ["categories"] = feed.Categories is null ? null : Strings(feed.Categories),
            ["custom"] = null,
            ["copyright"] = feed.Copyright,
            ["description"] = feed.Description,
            ["type"] = feed.Type,
            ["language"] = feed.Language,
            ["title"] = feed.Title,
            ["published"] = feed.Published,
            ["updated"] = feed.Updated,
        };
        if (feed.ImageUrl is not null)
        {
            data["img_url"] = feed.ImageUrl;
        }

        return data;
    }

    // gofeed's Item JSON has omitempty on every field: empty strings and lists are left out.
    private static JsonObject ToData(FeedItem item)
    {
        var data = new JsonObject();
        AddText(data, "title", item.Title);
        AddText(data, "description", item.Description);
        AddText(data, "content", item.Content);
        AddText(data, "link", item.Link);
        if (item.Links.Count > 0)
        {
            data["links"] = Strings(item.Links);
        }

        AddText(data, "updated", item.Updated);
        AddText(data, "published", item.Published);
        if (item.Authors.Count > 0)
        {
            data["author"] = ToData(item.Authors[0]);
            var authors = new JsonArray();
            foreach (var author in item.Authors)
            {
                authors.Add((JsonNode)ToData(author));
            }

            data["authors"] = authors;
        }

        AddText(data, "guid", item.Guid);
        if (item.ImageUrl is not null)
        {
            data["image"] = new JsonObject { ["url"] = item.ImageUrl };
        }

        if (item.Categories.Count > 0)
        {
            data["categories"] = Strings(item.Categories);
        }

        if (item.Enclosures.Count > 0)
        {
            var enclosures = new JsonArray();
            foreach (var enclosure in item.Enclosures)
            {
                var value = new JsonObject();
                AddText(value, "url", enclosure.Url);
                AddText(value, "length", enclosure.Length);
                AddText(value, "type", enclosure.Type);
                enclosures.Add((JsonNode)value);
            }

            data["enclosures"] = enclosures;
        }

        return data;
    }

    private static JsonObject ToData(FeedPerson person)
    {
        var data = new JsonObject();
        AddText(data, "name", person.Name);
        AddText(data, "email", person.Email);
        return data;
    }

    private static JsonArray Strings(IReadOnlyList<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add((JsonNode)value);
        }

        return array;
    }

    private static void AddText(JsonObject data, string key, string value)
    {
        if (value.Length > 0)
        {
            data[key] = value;
        }
    }
}
