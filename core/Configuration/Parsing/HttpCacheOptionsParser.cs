using Switchyard.Core.Resilience.HttpCache;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads a backend's <c>qos/http-cache</c> namespace. A size left out takes its default bound (KrakenD's store then
/// grows without one); the validator checks the ranges.
/// </summary>
internal static class HttpCacheOptionsParser
{
    public static HttpCacheOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(NamespaceAliases.QosHttpCache, problems);
        if (reader is null)
        {
            return null;
        }

        var options = new HttpCacheOptions
        {
            Shared = reader.Bool("shared"),
            MaxItems = reader.Int("max_items") ?? HttpCacheOptions.DefaultMaxItems,
            MaxSize = WholeNumber(reader, "max_size") ?? HttpCacheOptions.DefaultMaxSize,
        };
        reader.ReportUnknownKeys();
        return options;
    }

    // A byte count may pass int's range, so it is read as any number and must be whole.
    private static long? WholeNumber(JsonObjectReader reader, string key)
    {
        if (reader.Number(key) is not { } number)
        {
            return null;
        }

        if (number == Math.Floor(number) && number is >= long.MinValue and <= long.MaxValue)
        {
            return (long)number;
        }

        reader.Problems.Error(reader.PathOf(key), $"expected a whole number of bytes, got {number}");
        return null;
    }
}
