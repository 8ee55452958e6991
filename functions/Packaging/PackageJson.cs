using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Functions.Packaging;

/// <summary>How generated JSON files are written: indented, as people read and diff them.</summary>
internal static class PackageJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(JsonNode node) => node.ToJsonString(Indented) + "\n";
}
