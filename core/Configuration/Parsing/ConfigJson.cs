using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>How configuration JSON is read: comments and trailing commas are allowed, as KrakenD allows them.</summary>
internal static class ConfigJson
{
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// A mutable copy of <paramref name="value"/> that outlives its document, for the raw
    /// <c>ExtraConfig</c> objects later stages read.
    /// </summary>
    public static JsonNode? ToNode(JsonElement value) =>
        JsonNode.Parse(value.GetRawText(), nodeOptions: null, DocumentOptions);
}
