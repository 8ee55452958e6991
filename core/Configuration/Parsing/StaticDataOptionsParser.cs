using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads <c>proxy.static</c>. Its rules are checked here rather than by a validator because the record
/// cannot hold an unknown strategy or data that is not an object.
/// </summary>
internal static class StaticDataOptionsParser
{
    private const string Key = "static";

    private static readonly Dictionary<string, StaticStrategy> Strategies = new(StringComparer.Ordinal)
    {
        ["always"] = StaticStrategy.Always,
        ["success"] = StaticStrategy.Success,
        ["complete"] = StaticStrategy.Complete,
        ["errored"] = StaticStrategy.Errored,
        ["incomplete"] = StaticStrategy.Incomplete,
    };

    public static StaticDataOptions? Parse(JsonObjectReader proxy)
    {
        if (!proxy.TryGet(Key, out var element))
        {
            return null;
        }

        var reader = proxy.OpenInside(element, proxy.PathOf(Key));
        if (reader is null)
        {
            return null;
        }

        var options = new StaticDataOptions { Strategy = ReadStrategy(reader), Data = ReadData(reader) };
        reader.ReportUnknownKeys();
        return options;
    }

    private static StaticStrategy ReadStrategy(JsonObjectReader reader)
    {
        var name = reader.String("strategy");
        if (name is null)
        {
            return StaticStrategy.Always;
        }

        if (Strategies.TryGetValue(name, out var strategy))
        {
            return strategy;
        }

        reader.Problems.Error(
            reader.PathOf("strategy"),
            $"unknown strategy '{name}' (want: always, success, complete, errored or incomplete)");
        return StaticStrategy.Always;
    }

    private static JsonObject ReadData(JsonObjectReader reader)
    {
        if (!reader.TryGet("data", out var data))
        {
            reader.Problems.Error(reader.PathOf("data"), "required: the object to add to responses");
            return [];
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            reader.Problems.Error(reader.PathOf("data"), "expected an object, got " + JsonValueText.Describe(data));
            return [];
        }

        return (JsonObject)ConfigJson.ToNode(data)!;
    }
}
