using System.Text.Json.Nodes;
using Switchyard.Core.Security.Jwt;

namespace Switchyard.Core.Tests.Security.Jwt;

public sealed class ClaimTextTests
{
    [Theory]
    [InlineData("\"foo\"", "foo")]
    [InlineData("1", "1")]
    [InlineData("1651529725", "1651529725")]
    [InlineData("1.0", "1")]
    [InlineData("4.0000001", "4")]
    [InlineData("-42.42", "-42.420000")]
    [InlineData("0.5", "0.500000")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("[\"one\", \"two\"]", "one,two")]
    [InlineData("[]", "")]
    [InlineData("[1, 2.5, true]", "1,2.500000,true")]
    [InlineData("{\"b\": 1, \"a\": [\"x\"], \"c\": \"<&>\"}", "{\"a\":[\"x\"],\"b\":1,\"c\":\"\\u003c\\u0026\\u003e\"}")]
    public void A_claim_is_written_as_krakend_writes_it(string json, string text)
    {
        ClaimText.Of(JsonNode.Parse(json)).Should().Be(text);
    }

    [Fact]
    public void Preserved_arrays_give_one_value_per_element()
    {
        ClaimText.ValuesOf(JsonNode.Parse("""["one", 2, {"a": 1}]""")).Should().Equal("one", "2", """{"a":1}""");
        ClaimText.ValuesOf(JsonNode.Parse("\"single\"")).Should().Equal("single");
    }
}
