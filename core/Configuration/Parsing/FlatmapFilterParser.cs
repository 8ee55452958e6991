using System.Text.Json;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>Reads a <c>flatmap_filter</c> array of <c>{"type":..,"args":[..]}</c> entries.</summary>
internal static class FlatmapFilterParser
{
    private const string Key = "flatmap_filter";

    public static IReadOnlyList<FlatmapOperation> Parse(JsonObjectReader proxy)
    {
        if (!proxy.TryGet(Key, out var element))
        {
            return [];
        }

        var path = proxy.PathOf(Key);
        if (element.ValueKind != JsonValueKind.Array)
        {
            proxy.Problems.Error(path, "expected an array of operations, got " + JsonValueText.Describe(element));
            return [];
        }

        var operations = new List<FlatmapOperation>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var entry = proxy.OpenInside(item, JsonPaths.Index(path, index++));
            if (entry is null)
            {
                // Keeps the list aligned with the file, so validators name the right index.
                operations.Add(new FlatmapOperation("", []));
                continue;
            }

            operations.Add(new FlatmapOperation(entry.String("type") ?? "", entry.Strings("args")));
            entry.ReportUnknownKeys();
        }

        return operations;
    }
}
