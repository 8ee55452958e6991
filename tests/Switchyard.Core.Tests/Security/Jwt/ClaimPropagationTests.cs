using System.Text.Json.Nodes;
using Switchyard.Core.Security.Jwt;

namespace Switchyard.Core.Tests.Security.Jwt;

/// <summary>KrakenD's own cases (krakend-jose <c>jose_test.go</c>, TestCalculate(Array)HeadersToPropagate).</summary>
public sealed class ClaimPropagationTests
{
    private static readonly JsonObject Claims = JsonNode.Parse("""
        {"a": 1, "b": "foo", "c": ["one", "two"],
         "d": {"a": 1, "b": "foo", "c": ["one", "two"], "d": {"a": 1, "b": "foo", "c": ["one", "two"]}},
         "http://example.com/tenant": "acme"}
        """)!.AsObject();

    private static readonly ClaimToHeader[] Pairs =
    [
        new("a", "x-a"), new("b", "x-b"), new("c", "x-c"), new("d.d", "x-d"), new("d.d.c", "x-e"), new("d.f", "x-f"),
        new("http://example.com/tenant", "x-t"),
    ];

    [Fact]
    public void Claims_become_headers_nested_with_dots_and_a_missing_claim_an_empty_header()
    {
        var headers = new ClaimPropagation(Pairs, preserveArrays: false).HeadersFor(Claims).ToDictionary(h => h.Key, h => h.Value);

        headers.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["x-a"] = ["1"],
            ["x-b"] = ["foo"],
            ["x-c"] = ["one,two"],
            ["x-d"] = ["""{"a":1,"b":"foo","c":["one","two"]}"""],
            ["x-e"] = ["one,two"],
            ["x-f"] = [""],
            ["x-t"] = ["acme"],
        });
    }

    [Fact]
    public void Preserved_arrays_give_one_header_value_per_element()
    {
        var headers = new ClaimPropagation(Pairs, preserveArrays: true).HeadersFor(Claims).ToDictionary(h => h.Key, h => h.Value);

        headers["x-c"].Should().Equal("one", "two");
        headers["x-e"].Should().Equal("one", "two");
        headers["x-a"].Should().Equal("1");
        headers["x-f"].Should().Equal("");
    }
}
