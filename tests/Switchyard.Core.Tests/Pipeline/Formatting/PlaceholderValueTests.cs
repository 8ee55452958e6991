using System.Text.Json.Nodes;
using Switchyard.Core.Pipeline.Formatting;

namespace Switchyard.Core.Tests.Pipeline.Formatting;

public sealed class PlaceholderValueTests
{
    [Theory]
    [InlineData("'some text'", "some text")]
    [InlineData("''", "")]
    [InlineData("'caf\\u00e9 & co'", "café & co")]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("3.14", "3.14")]
    [InlineData("1.50", "1.50")]
    [InlineData("1e3", "1e3")]
    [InlineData("12345678901234567890123", "12345678901234567890123")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "<nil>")]
    public void Scalar_is_written_as_Go_prints_it(string json, string expected)
    {
        PlaceholderValue.Format(Json.Node(json)).Should().Be(expected);
    }

    [Theory]
    [InlineData("['1','2']", "1,2")]
    [InlineData("[1,2.5,true,null,'x']", "1,2.5,true,<nil>,x")]
    [InlineData("[]", "")]
    [InlineData("['only']", "only")]
    [InlineData("[[1,2],[],['a']]", "[1 2],[],[a]")]
    [InlineData("[{'id':1,'n':'a'},{'id':2}]", "map[id:1 n:a],map[id:2]")]
    public void Array_is_its_items_joined_by_commas(string json, string expected)
    {
        PlaceholderValue.Format(Json.Node(json)).Should().Be(expected);
    }

    [Theory]
    [InlineData("{'b':1,'a':'x y','C':true}", "map[C:true a:x y b:1]")]
    [InlineData("{}", "map[]")]
    [InlineData("{'a':{'c':[1,2],'b':null}}", "map[a:map[b:<nil> c:[1 2]]]")]
    public void Object_is_a_Go_map_with_sorted_keys(string json, string expected)
    {
        PlaceholderValue.Format(Json.Node(json)).Should().Be(expected);
    }

    [Fact]
    public void Values_built_in_code_are_written_like_decoded_ones()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        PlaceholderValue.Format(JsonValue.Create("plain")).Should().Be("plain");
        PlaceholderValue.Format(JsonValue.Create(2.5)).Should().Be("2.5");
        PlaceholderValue.Format(JsonValue.Create(id)).Should().Be("0f8fad5b-d9cb-469f-a165-70867728950e");
        PlaceholderValue.Format(new JsonArray(1, "a", false)).Should().Be("1,a,false");
    }
}
