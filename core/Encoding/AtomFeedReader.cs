using System.Xml.Linq;

namespace Switchyard.Core.Encoding;

/// <summary>Reads an Atom 1.0 (or 0.3) <c>&lt;feed&gt;</c> into a <see cref="Feed"/>, mapping fields as gofeed does.</summary>
internal static class AtomFeedReader
{
    public static Feed Read(XElement feed)
    {
        var logo = Text(feed, "logo");
        var categories = Categories(feed);
        return new Feed
        {
            Type = "atom",
            Title = Text(feed, "title"),
            Description = FeedText.FirstNonEmpty(Text(feed, "subtitle"), Text(feed, "tagline")),
            Updated = FeedText.FirstNonEmpty(Text(feed, "updated"), Text(feed, "modified")),
            Author = Authors(feed).FirstOrDefault(),
            Language = feed.Attribute(XNamespace.Xml + "lang")?.Value ?? string.Empty,
            ImageUrl = logo.Length > 0 ? logo : null,
            Copyright = FeedText.FirstNonEmpty(Text(feed, "rights"), Text(feed, "copyright")),
            Categories = categories.Count > 0 ? categories : null,
            Items = [.. CoreAll(feed, "entry").Select(ReadEntry)],
        };
    }

    private static FeedItem ReadEntry(XElement entry)
    {
        var links = CoreAll(entry, "link").ToList();
        var updated = FeedText.FirstNonEmpty(Text(entry, "updated"), Text(entry, "modified"));
        return new FeedItem
        {
            Title = Text(entry, "title"),
            Description = Text(entry, "summary"),
            Content = Text(entry, "content"),
            Link = links.Where(link => Rel(link) == "alternate").Select(Href).FirstOrDefault() ?? string.Empty,
            Links = [.. links.Where(link => Rel(link) is "alternate" or "self").Select(Href)],
            Updated = updated,
            Published = FeedText.FirstNonEmpty(Text(entry, "published"), Text(entry, "issued"), updated),
            Authors = Authors(entry),
            Guid = Text(entry, "id"),
            Categories = Categories(entry),
            Enclosures =
            [
                .. links.Where(link => Rel(link) == "enclosure")
                    .Select(link => new FeedEnclosure(Href(link), FeedText.Attribute(link, "length"), FeedText.Attribute(link, "type"))),
            ],
        };
    }

    private static List<FeedPerson> Authors(XElement parent) =>
        [.. CoreAll(parent, "author").Select(author => new FeedPerson(Text(author, "name"), Text(author, "email")))];

    private static List<string> Categories(XElement parent) => [.. CoreAll(parent, "category").Select(c => FeedText.Attribute(c, "term"))];

    // A link without rel is an alternate one (RFC 4287, 4.2.7.2).
    private static string Rel(XElement link) => link.Attribute("rel")?.Value is { Length: > 0 } rel ? rel : "alternate";

    private static string Href(XElement link) => FeedText.Attribute(link, "href");


    private static string Text(XElement parent, string name) => FeedText.Of(CoreAll(parent, name).FirstOrDefault());

    private static IEnumerable<XElement> CoreAll(XElement parent, string name) =>
        parent.Elements().Where(e => e.Name.LocalName == name
            && (e.Name.Namespace == FeedNamespaces.Atom10 || e.Name.Namespace == FeedNamespaces.Atom03 || e.Name.Namespace == XNamespace.None));
}
