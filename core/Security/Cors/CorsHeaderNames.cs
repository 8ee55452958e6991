namespace Switchyard.Core.Security.Cors;

/// <summary>
/// The header names of <c>allow_headers</c>, and the check of a preflight's <c>Access-Control-Request-Headers</c>
/// against them, as rs/cors 1.11 does it: browsers send that list lower-case, sorted and without duplicates (the Fetch
/// standard), so a list that is not, or names a header outside the set, is refused rather than repaired.
/// </summary>
public sealed class CorsHeaderNames
{
    // rs/cors tolerates one byte of optional whitespace around each name and a few empty list elements (RFC 9110).
    private const int MaxWhitespace = 1;
    private const int MaxEmptyElements = 16;

    private readonly string[] _sorted;

    /// <summary>Reads <paramref name="names"/>, the entries of <c>allow_headers</c>.</summary>
    public CorsHeaderNames(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        AllowsAll = names.Count == 0 || names.Contains(AnyHeader);
        _sorted = AllowsAll ? [] : [.. names.Select(name => name.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The entry that allows any header.</summary>
    public const string AnyHeader = "*";

    /// <summary>True when any header is allowed (<c>allow_headers</c> empty or holding <c>*</c>).</summary>
    public bool AllowsAll { get; }

    /// <summary>
    /// Whether every name in <paramref name="lines"/> (the <c>Access-Control-Request-Headers</c> lines, read as one list)
    /// is allowed, each appearing once and in lexicographic order.
    /// </summary>
    public bool Accepts(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (AllowsAll)
        {
            return true;
        }

        var lastPosition = -1;
        var emptyElements = 0;
        foreach (var line in lines)
        {
            var text = line.AsSpan();
            foreach (var range in text.Split(','))
            {
                if (!TryTrim(text[range], out var name))
                {
                    return false;
                }

                if (name.IsEmpty)
                {
                    if (++emptyElements > MaxEmptyElements)
                    {
                        return false;
                    }

                    continue;
                }

                // Positions in the sorted set must strictly increase: that is "sorted and unique" in one test.
                var position = PositionOf(name);
                if (position <= lastPosition)
                {
                    return false;
                }

                lastPosition = position;
            }
        }

        return true;
    }

    // The index of name in the sorted set, or -1.
    private int PositionOf(ReadOnlySpan<char> name)
    {
        var (low, high) = (0, _sorted.Length - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = _sorted[middle].AsSpan().SequenceCompareTo(name);
            if (order == 0)
            {
                return middle;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }

    // At most one space or tab on each side; an element of whitespace alone is an empty element.
    private static bool TryTrim(ReadOnlySpan<char> element, out ReadOnlySpan<char> name)
    {
        name = element.Trim(" \t");
        if (name.IsEmpty)
        {
            return element.Length <= 2 * MaxWhitespace;
        }

        var leading = element.Length - element.TrimStart(" \t").Length;
        var trailing = element.Length - element.TrimEnd(" \t").Length;
        return leading <= MaxWhitespace && trailing <= MaxWhitespace;
    }
}
