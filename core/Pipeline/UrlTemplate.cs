using System.Text;
using System.Text.RegularExpressions;
using Switchyard.Core.Configuration;
using Switchyard.Core.Security.Jwt;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// A backend <c>url_pattern</c> parsed once: literal text and <c>{placeholders}</c>, each knowing whether it sits in
/// the path or in the query so its value is encoded for that place (<see cref="UrlValueEncoder"/>).
/// </summary>
public sealed class UrlTemplate
{
    private const string InputHeadersPrefix = "input_headers.";
    private const string InputQueryPrefix = "input_query_strings.";
    private const string ClaimPrefix = "JWT.";

    private readonly Part[] _parts;

    private UrlTemplate(string pattern, Part[] parts)
    {
        Pattern = pattern;
        _parts = parts;
        Placeholders = parts.Where(p => p.Placeholder is not null).Select(p => p.Placeholder!).Distinct().ToArray();
    }

    /// <summary>The pattern as written, with its leading <c>/</c>.</summary>
    public string Pattern { get; }

    /// <summary>
    /// The placeholder names as written (<c>id</c>, <c>resp0_user.id</c>, <c>input_headers.User-Agent</c>,
    /// <c>input_query_strings.page</c>, <c>JWT.sub</c>).
    /// </summary>
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
    /// as written, as KrakenD does. <c>{JWT.claim}</c> reads the validated token's claims: the claim named exactly
    /// <c>claim</c> (<c>{JWT.http://example.com/tenant}</c>), else the dotted path through nested objects (where KrakenD
    /// reads top-level claims only), written as <see cref="ClaimText"/>.
    /// </summary>
    public string Expand(ProxyRequest request)
    {
        if (_parts.Length == 1 && _parts[0].Source == ValueSource.None)
        {
            return _parts[0].Text;
        }

        var builder = new StringBuilder(Pattern.Length + 32);
        foreach (var part in _parts)
        {
            if (part.Source == ValueSource.None)
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

    private static string? Lookup(Part part, ProxyRequest request) => part.Source switch
    {
        ValueSource.Header => First(request.Headers, part.Key),
        ValueSource.Query => First(request.Query, part.Key),
        ValueSource.Claim => Claim(request, part.Key),
        _ => request.Params.TryGetValue(part.Key, out var value) ? value : null,
    };

    private static string? Claim(ProxyRequest request, string name) =>
        request.Claims is { } claims && ClaimPath.TryGetByNameOrPath(claims, name, out var value)
            ? ClaimText.Of(value)
            : null;

    private static string? First(IReadOnlyDictionary<string, string[]> values, string name) =>
        values.TryGetValue(name, out var found) && found.Length > 0 ? found[0] : null;

    private enum ValueSource
    {
        None,
        Param,
        Header,
        Query,
        Claim,
    }

    /// <summary>Literal text, or a placeholder with where its value comes from and the key it is read with.</summary>
    private sealed record Part(string Text, string? Placeholder, ValueSource Source, string Key, bool InQuery)
    {
        public static Part Literal(string text) => new(text, null, ValueSource.None, "", false);

        public static Part Value(string name, bool inQuery)
        {
            var text = "{" + name + "}";
            if (name.StartsWith(InputHeadersPrefix, StringComparison.Ordinal))
            {
                return new Part(text, name, ValueSource.Header, name[InputHeadersPrefix.Length..], inQuery);
            }

            if (name.StartsWith(ClaimPrefix, StringComparison.Ordinal))
            {
                return new Part(text, name, ValueSource.Claim, name[ClaimPrefix.Length..], inQuery);
            }

            return name.StartsWith(InputQueryPrefix, StringComparison.Ordinal)
                ? new Part(text, name, ValueSource.Query, name[InputQueryPrefix.Length..], inQuery)
                : new Part(text, name, ValueSource.Param, UrlTemplate.ParamKey(name), inQuery);
        }
    }
}
