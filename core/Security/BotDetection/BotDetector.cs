using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Switchyard.Core.RegularExpressions;

namespace Switchyard.Core.Security.BotDetection;

/// <summary>
/// Tells bots by their <c>User-Agent</c>, in KrakenD's order: an empty one is a bot only with
/// <c>empty_user_agent_is_bot</c>; then <c>allow</c> (exact) passes, <c>deny</c> (exact) is a bot, any matching pattern
/// is a bot, and everything else passes. Built once from <see cref="BotDetectorOptions"/>; thread-safe.
/// </summary>
public sealed class BotDetector
{
    /// <summary>
    /// The longest user agent whose verdict is cached. Headers may reach 1 MiB: caching such values would let a client
    /// fill memory with <c>cache_size</c> of them (KrakenD caches any length); longer ones are judged every time.
    /// </summary>
    public const int MaxCachedLength = 1024;

    private readonly HashSet<string> _allow;
    private readonly HashSet<string> _deny;
    private readonly List<Regex> _patterns = [];
    private readonly bool _emptyIsBot;
    private readonly LruCache<bool>? _cache;

    /// <summary>Builds the detector of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">A pattern does not compile: the configuration was not validated.</exception>
    public BotDetector(BotDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allow = new HashSet<string>(options.Allow, StringComparer.Ordinal);
        _deny = new HashSet<string>(options.Deny, StringComparer.Ordinal);
        _emptyIsBot = options.EmptyUserAgentIsBot;
        foreach (var pattern in options.Patterns)
        {
            if (!TryCompile(pattern, out var regex, out var error))
            {
                throw new ArgumentException(error, nameof(options));
            }

            _patterns.Add(regex);
        }

        if (options.CacheSize > 0)
        {
            _cache = new LruCache<bool>(options.CacheSize);
        }
    }

    /// <summary>Compiles one <c>patterns</c> entry; on failure <paramref name="error"/> says why.</summary>
    public static bool TryCompile(string pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? error) =>
        Re2Regex.TryCompile(pattern, out regex, out error);

    /// <summary>How many verdicts the cache holds (0 without a cache).</summary>
    public int CachedVerdicts => _cache?.Count ?? 0;

    /// <summary>Whether a request whose <c>User-Agent</c> is <paramref name="userAgent"/> (null when absent) comes from a bot.</summary>
    public bool IsBot(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return _emptyIsBot;
        }

        if (_cache is null || userAgent.Length > MaxCachedLength)
        {
            return Judge(userAgent);
        }

        if (_cache.TryGet(userAgent, out var cached))
        {
            return cached;
        }

        var isBot = Judge(userAgent);
        _cache.Add(userAgent, isBot);
        return isBot;
    }

    private bool Judge(string userAgent)
    {
        if (_allow.Contains(userAgent))
        {
            return false;
        }

        if (_deny.Contains(userAgent))
        {
            return true;
        }

        // A user agent no pattern could judge in time is treated as a bot: fail closed.
        return Re2Regex.AnyMatches(_patterns, userAgent, whenTimedOut: true);
    }
}
