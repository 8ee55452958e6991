using System.Text.Json;
using Json.Schema;

namespace Switchyard.Core.Schemas;

/// <summary>
/// The JSON Schema drafts a <c>validation/json-schema</c> may declare with <c>$schema</c>, and 2020-12 for a schema that
/// declares none. Draft-04 (which KrakenD also reads) is not served by the validating library, and an unknown
/// <c>$schema</c> would mean guessing the semantics: both are configuration errors rather than another draft's rules.
/// </summary>
internal static class SchemaDrafts
{
    /// <summary>The key that names a schema's draft.</summary>
    public const string Key = "$schema";

    /// <summary>The drafts served, for messages.</summary>
    public const string Served = "06, 07, 2019-09 and 2020-12";

    /// <summary>The draft of a schema without <c>$schema</c>.</summary>
    public static Dialect Default => Dialect.Draft202012;

    private static readonly Dialect[] Known = [Dialect.Draft06, Dialect.Draft07, Dialect.Draft201909, Dialect.Draft202012];

    /// <summary>
    /// Whether <c>format</c> is a rule in <paramref name="draft"/>: up to draft 07 validators checked it (and KrakenD's
    /// does), from 2019-09 the drafts make it an annotation unless a vocabulary asks for more.
    /// </summary>
    public static bool AssertsFormat(Dialect draft) => draft == Dialect.Draft06 || draft == Dialect.Draft07;

    /// <summary>The draft <paramref name="schema"/> declares (or the default); null with <paramref name="problem"/> when it cannot be served.</summary>
    public static Dialect? Of(JsonElement schema, out string? problem)
    {
        problem = null;
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty(Key, out var declared))
        {
            return Default;
        }

        if (declared.ValueKind == JsonValueKind.String && Find(declared.GetString()!) is { } dialect)
        {
            return dialect;
        }

        problem = declared.ValueKind == JsonValueKind.String && declared.GetString()!.Contains("draft-04", StringComparison.Ordinal)
            ? $"draft-04 schemas are not supported: Switchyard validates drafts {Served} (2020-12 when $schema is left out)"
            : $"unknown JSON Schema draft '{declared}': Switchyard validates drafts {Served}";
        return null;
    }

    // The meta-schema URIs as the drafts publish them, with or without the empty fragment.
    private static Dialect? Find(string uri)
    {
        var trimmed = uri.TrimEnd('#');
        return Array.Find(Known, d => string.Equals(d.Id?.OriginalString.TrimEnd('#'), trimmed, StringComparison.Ordinal));
    }
}
