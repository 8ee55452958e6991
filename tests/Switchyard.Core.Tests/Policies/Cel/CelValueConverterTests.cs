using System.Text.Json.Nodes;
using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelValueConverterTests
{
    [Theory]
    [InlineData("42", "Int")]
    [InlineData("-7", "Int")]
    [InlineData("18.0", "Int")]
    [InlineData("1.5", "Double")]
    [InlineData("1e300", "Double")]
    [InlineData("18446744073709551615", "Double")]
    [InlineData("\"x\"", "String")]
    [InlineData("true", "Bool")]
    [InlineData("null", "Null")]
    [InlineData("[1]", "List")]
    [InlineData("{}", "Map")]
    public void Json_values_map_to_cel_kinds(string json, string kind) =>
        CelValueConverter.FromJson(JsonNode.Parse(json)).Kind.ToString().Should().Be(kind);

    [Fact]
    public void Json_built_in_code_converts_like_parsed_json()
    {
        var node = new JsonObject { ["count"] = 3, ["ratio"] = 0.5m, ["big"] = 5.0f, ["name"] = "x" };

        Cel.Evaluate("m.count == 3 && m.ratio == 0.5 && m.big + 1 == 6 && m.name == 'x'", new Dictionary<string, object?> { ["m"] = node }).Should().Be(true);
    }

    [Theory]
    [InlineData(5, "Int")]
    [InlineData(5L, "Int")]
    [InlineData(5UL, "Uint")]
    [InlineData(5.5, "Double")]
    [InlineData("s", "String")]
    [InlineData(true, "Bool")]
    [InlineData(null, "Null")]
    public void Dotnet_values_map_to_cel_kinds(object? value, string kind) =>
        CelValueConverter.FromClr(value).Kind.ToString().Should().Be(kind);

    [Fact]
    public void Header_maps_hold_lists_of_strings()
    {
        var headers = CelValueConverter.FromClr(new Dictionary<string, string[]> { ["A"] = ["1", "2"] });

        headers.AsMap.TryGetValue(CelValue.FromString("A"), out var values).Should().BeTrue();
        values.AsList.Count.Should().Be(2);
        values.AsList[1].AsString.Should().Be("2");
    }
}
