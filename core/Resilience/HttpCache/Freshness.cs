namespace Switchyard.Core.Resilience.HttpCache;

/// <summary>What a stored response may do for a request.</summary>
internal enum Freshness
{
    /// <summary>Served as it is.</summary>
    Fresh,

    /// <summary>Revalidated with the backend (<c>If-None-Match</c>, <c>If-Modified-Since</c>) before it is served.</summary>
    Stale,

    /// <summary>The request said <c>no-cache</c>: it goes to the backend as if nothing were stored.</summary>
    Transparent,
}
