using System.Xml.Linq;

namespace Switchyard.Core.Encoding;

/// <summary>
/// Reads RSS 2.0/0.9x (<c>&lt;rss&gt;</c>) and RSS 1.0 (<c>&lt;rdf:RDF&gt;</c>) into a <see cref="Feed"/>, with gofeed's
/// fallbacks to the Dublin Core and iTunes extensions.
/// </summary>
internal static class RssFeedReader
{
    public static Feed Read(XElement root)
    {
        var isRdf = root.Name.LocalName == "RDF";
        var channel = Core(root, "channel") ?? new XElement("channel");
        // RSS 1.0 puts items and the image next to the channel rather than inside it.
        var itemParent = isRdf ? root : channel;
        var image = Core(channel, "image") ?? (isRdf ? Core(root, "image") : null);
        var iTunesImage = ITunesImage(channel);

        return new Feed
        {
            Type = "rss",
            Title = FeedText.FirstNonEmpty(Text(channel, "title"), DublinCore(channel, "title")),
            Description = Text(channel, "description"),
            Updated = FeedText.FirstNonEmpty(Text(channel, "lastBuildDate"), DublinCore(channel, "date")),
            Published = Text(channel, "pubDate"),
            Author = FeedText.Person(FeedText.FirstNonEmpty(
                Text(channel, "managingEditor"),
                Text(channel, "webMaster"),
                DublinCore(channel, "author"),
                DublinCore(channel, "creator"),
                ITunes(channel, "author"))),
            Language = FeedText.FirstNonEmpty(Text(channel, "language"), DublinCore(channel, "language")),
            ImageUrl = image is not null ? Text(image, "url") : iTunesImage,
            Copyright = FeedText.FirstNonEmpty(Text(channel, "copyright"), DublinCore(channel, "rights")),
            Categories = NullWhenEmpty(Categories(channel, includeITunesCategories: true)),
            Items = [.. CoreAll(itemParent, "item").Select(ReadItem)],
        };
    }

    private static FeedItem ReadItem(XElement item)
    {
        var link = Text(item, "link");
        var author = FeedText.Person(FeedText.FirstNonEmpty(
            Text(item, "author"),
            DublinCore(item, "author"),
            DublinCore(item, "creator"),
            ITunes(item, "author")));
        var enclosure = Core(item, "enclosure");

        return new FeedItem
        {
            Title = FeedText.FirstNonEmpty(Text(item, "title"), DublinCore(item, "title")),
            Description = FeedText.FirstNonEmpty(Text(item, "description"), DublinCore(item, "description")),
            Content = FeedText.Of(item.Element(FeedNamespaces.Content + "encoded")),
            Link = link,
            Links = link.Length > 0 ? [link] : [],
            Published = FeedText.FirstNonEmpty(Text(item, "pubDate"), DublinCore(item, "date")),
            Authors = author is not null ? [author] : [],
            Guid = Text(item, "guid"),
            ImageUrl = ITunesImage(item),
            Categories = Categories(item, includeITunesCategories: false),
            Enclosures = enclosure is null
                ? []
                : [new FeedEnclosure(FeedText.Attribute(enclosure, "url"), FeedText.Attribute(enclosure, "length"), FeedText.Attribute(enclosure, "type"))],
        };
    }

    private static List<string> Categories(XElement parent, bool includeITunesCategories)
    {
        var categories = CoreAll(parent, "category").Select(FeedText.Of).ToList();
        var keywords = ITunes(parent, "keywords");
        if (keywords.Length > 0)
        {
            // gofeed splits on commas without trimming.
            categories.AddRange(keywords.Split(','));
        }

        if (includeITunesCategories)
        {
            foreach (var category in parent.Elements(FeedNamespaces.ITunes + "category"))
            {
                categories.Add(FeedText.Attribute(category, "text"));
                if (category.Element(FeedNamespaces.ITunes + "category") is { } subcategory)
                {
                    categories.Add(FeedText.Attribute(subcategory, "text"));
                }
            }
        }

        categories.AddRange(parent.Elements(FeedNamespaces.DublinCore + "subject").Select(FeedText.Of));
        return categories;
    }

    private static string? ITunesImage(XElement parent)
    {
        var href = parent.Element(FeedNamespaces.ITunes + "image") is { } image ? FeedText.Attribute(image, "href") : string.Empty;
        return href.Length > 0 ? href : null;
    }

    private static List<string>? NullWhenEmpty(List<string> values) => values.Count > 0 ? values : null;


    private static string Text(XElement parent, string name) => FeedText.Of(Core(parent, name));

    private static string DublinCore(XElement parent, string name) => FeedText.Of(parent.Element(FeedNamespaces.DublinCore + name));

    private static string ITunes(XElement parent, string name) => FeedText.Of(parent.Element(FeedNamespaces.ITunes + name));

    private static XElement? Core(XElement parent, string name) => CoreAll(parent, name).FirstOrDefault();

    // RSS elements carry no namespace, except in RSS 1.0 where they live in its own.
    private static IEnumerable<XElement> CoreAll(XElement parent, string name) =>
        parent.Elements().Where(e => e.Name.LocalName == name && (e.Name.Namespace == XNamespace.None || e.Name.Namespace == FeedNamespaces.Rss10));
}
