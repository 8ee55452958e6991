namespace Switchyard.Core.Resilience.HttpCache;

/// <summary>
/// The <c>qos/http-cache</c> namespace of a backend: a private HTTP cache inside the backend's client that keeps
/// responses as their <c>Cache-Control</c> allows. Unlike KrakenD, whose store without both sizes grows without
/// bound, the store is always bounded: a missing size takes its default.
/// </summary>
public sealed record HttpCacheOptions
{
    /// <summary>The entries a store keeps when <c>max_items</c> is not given.</summary>
    public const int DefaultMaxItems = 1000;

    /// <summary>The bytes a store keeps when <c>max_size</c> is not given: 32 MiB.</summary>
    public const long DefaultMaxSize = 32 * 1024 * 1024;

    /// <summary>The smallest <c>max_size</c> accepted, as KrakenD's schema says.</summary>
    public const long MinMaxSize = 1024;

    /// <summary>
    /// One store for every backend that says <c>shared</c> (the first of them sets its sizes), so endpoints calling the
    /// same URL share answers. <value>The default value is false: a store of this backend definition alone.</value>
    /// </summary>
    public bool Shared { get; init; }

    /// <summary>The most responses kept; the least recently used makes room. <value>The default value is 1000.</value></summary>
    public int MaxItems { get; init; } = DefaultMaxItems;

    /// <summary>
    /// The most bytes kept (bodies and headers); a response larger than this is never stored.
    /// <value>The default value is 33554432 (32 MiB).</value>
    /// </summary>
    public long MaxSize { get; init; } = DefaultMaxSize;
}
