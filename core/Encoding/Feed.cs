namespace Switchyard.Core.Encoding;

/// <summary>A feed read by the <c>rss</c> decoder, shaped like gofeed's universal <c>Feed</c> (the fields KrakenD keeps).</summary>
internal sealed record Feed
{
    public required string Type { get; init; }

    public string Title { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public string Updated { get; init; } = string.Empty;

    public string Published { get; init; } = string.Empty;

    public FeedPerson? Author { get; init; }

    public string Language { get; init; } = string.Empty;

    /// <summary>The image's URL; null when the feed has no image at all.</summary>
    public string? ImageUrl { get; init; }

    public string Copyright { get; init; } = string.Empty;

    /// <summary>Null when the feed declares none (KrakenD then writes <c>null</c>).</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    public IReadOnlyList<FeedItem> Items { get; init; } = [];
}

/// <summary>One entry of a <see cref="Feed"/>, shaped like gofeed's <c>Item</c>.</summary>
internal sealed record FeedItem
{
    public string Title { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public string Content { get; init; } = string.Empty;

    public string Link { get; init; } = string.Empty;

    public IReadOnlyList<string> Links { get; init; } = [];

    public string Updated { get; init; } = string.Empty;

    public string Published { get; init; } = string.Empty;

    public IReadOnlyList<FeedPerson> Authors { get; init; } = [];

    public string Guid { get; init; } = string.Empty;

    /// <summary>The item image's URL; null when the item has no image.</summary>
    public string? ImageUrl { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];
}

/// <summary>An author; either part may be empty.</summary>
internal sealed record FeedPerson(string Name, string Email);

/// <summary>A file attached to an item.</summary>
internal sealed record FeedEnclosure(string Url, string Length, string Type);
