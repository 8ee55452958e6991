using System.Text.Json.Nodes;

namespace Switchyard.Core.Tests.Pipeline.Formatting;

/// <summary>JSON written with single quotes in tests, so the cases stay readable.</summary>
internal static class Json
{
    public static JsonObject Object(string json) => JsonNode.Parse(json.Replace('\'', '"'))!.AsObject();

    public static JsonNode? Node(string json) => JsonNode.Parse(json.Replace('\'', '"'));

    public static void ShouldEqual(this JsonNode? actual, string expected)
    {
        var expectedNode = Node(expected);
        JsonNode.DeepEquals(actual, expectedNode).Should().BeTrue(
            "the result should be {0} but was {1}",
            expectedNode?.ToJsonString() ?? "null",
            actual?.ToJsonString() ?? "null");
    }
}
