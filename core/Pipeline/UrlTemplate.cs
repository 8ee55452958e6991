using System.Text;
using System.Text.RegularExpressions;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// A backend <c>url_pattern</c> parsed once: literal text and <c>{placeholders}</c>, each knowing whether it sits in
/// the path or in the query so its value is encoded for that place (<see cref="UrlValueEncoder"/>).
/// </summary>
public sealed class UrlTemplate
{
    private const string InputHeadersPrefix = "input_headers.";

    private readonly Part[] _parts;

    private UrlTemplate(string pattern, Part[] parts)
    {
        Pattern = pattern;
        _parts = parts;
        Placeholders = parts.Where(p => p.Placeholder is not null).Select(p => p.Placeholder!).Distinct().ToArray();
    }

    /// <summary>The pattern as written, with its leading <c>/</c>.</summary>
    public string Pattern { get; }

    /// <summary>The placeholder names as written (<c>id</c>, <c>resp0_user.id</c>, <c>input_headers.User-Agent</c>).</summary>
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>True when the pattern has its own query string (client query is then appended with <c>&amp;</c>).</summary>
    public bool HasQuery => Pattern.Contains('?', StringComparison.Ordinal);

    public static UrlTemplate Parse(string pattern)
    {
        var parts = new List<Part>();
        var queryStart = pattern.IndexOf('?', StringComparison.Ordinal);
        var literalStart = 0;
        foreach (Match match in UrlPatternPlaceholders.Pattern().Matches(pattern))
        {
            if (match.Index > literalStart)
            {
                parts.Add(Part.Literal(pattern[literalStart..match.Index]));
            }

            parts.Add(Part.Value(match.Groups[1].Value, inQuery: queryStart >= 0 && match.Index > queryStart));
            literalStart = match.Index + match.Length;
        }

        if (literalStart < pattern.Length)
        {
            parts.Add(Part.Literal(pattern[literalStart..]));
        }

        return new UrlTemplate(pattern, [.. parts]);
    }

    /// <summary>The parameter key a placeholder reads: its first letter upper-cased, as endpoint params are stored.</summary>
    public static string ParamKey(string placeholder) =>
        placeholder.Length == 0 || char.IsUpper(placeholder[0])
            ? placeholder
            : string.Concat(char.ToUpperInvariant(placeholder[0]).ToString(), placeholder.AsSpan(1));

    /// <summary>
    /// The path and query with every placeholder replaced by its encoded value. A placeholder without a value is kept
    /// as written, as KrakenD does.
    /// </summary>
    public string Expand(ProxyRequest request)
    {
        if (_parts.Length == 1 && _parts[0].Placeholder is null)
        {
            return _parts[0].Text;
        }

        var builder = new StringBuilder(Pattern.Length + 32);
        foreach (var part in _parts)
        {
            if (part.Placeholder is null)
            {
                builder.Append(part.Text);
                continue;
            }

            var value = Lookup(part, request);
            if (value is null)
            {
                builder.Append(part.Text);
            }
            else
            {
                builder.Append(part.InQuery ? UrlValueEncoder.QueryComponent(value) : UrlValueEncoder.PathSegment(value));
            }
        }

        return builder.ToString();
    }

    private static string? Lookup(Part part, ProxyRequest request)
    {
        if (part.HeaderName is not null)
        {
            return request.Headers.TryGetValue(part.HeaderName, out var values) && values.Length > 0 ? values[0] : null;
        }

        return request.Params.TryGetValue(part.Key!, out var value) ? value : null;
    }

    private sealed record Part(string Text, string? Placeholder, string? Key, string? HeaderName, bool InQuery)
    {
        public static Part Literal(string text) => new(text, null, null, null, false);

        public static Part Value(string name, bool inQuery) => name.StartsWith(InputHeadersPrefix, StringComparison.Ordinal)
            ? new Part("{" + name + "}", name, null, name[InputHeadersPrefix.Length..], inQuery)
            : new Part("{" + name + "}", name, UrlTemplate.ParamKey(name), null, inQuery);
    }
}
