using static Switchyard.Core.Tests.Templates.Sprig.SprigCall;

namespace Switchyard.Core.Tests.Templates.Sprig;

/// <summary>Sprig's string functions against the examples of its documentation and Go's strings package.</summary>
public sealed class StringFunctionsTests
{
    public static TheoryData<string, object?[], object?> Cases => new()
    {
        { "trim", ["   hello    "], "hello" },
        { "trim", ["\t\n x \u00a0"], "x" },
        { "trimAll", ["$", "$5.00"], "5.00" },
        { "trimAll", ["ab", "abcba"], "c" },
        { "trimPrefix", ["-", "-hello"], "hello" },
        { "trimPrefix", ["x", "-hello"], "-hello" },
        { "trimSuffix", ["-", "hello-"], "hello" },
        { "upper", ["hello"], "HELLO" },
        { "lower", ["HELLO"], "hello" },
        { "title", ["hello world"], "Hello World" },
        { "title", ["hello-world foo_bar"], "Hello-World Foo_bar" },
        { "title", ["don't stop"], "Don'T Stop" },
        { "title", ["¿qué tal"], "¿qué Tal" },
        { "replace", [" ", "-", "I Am Henry VIII"], "I-Am-Henry-VIII" },
        { "replace", ["", "-", "ab"], "-a-b-" },
        { "contains", ["cat", "catch"], true },
        { "contains", ["dog", "catch"], false },
        { "hasPrefix", ["cat", "catch"], true },
        { "hasSuffix", ["ch", "catch"], true },
        { "hasSuffix", ["cat", "catch"], false },
        { "squote", ["a", null, "b"], "'a' 'b'" },
        { "quote", ["a", null, "b\"c"], "\"a\" \"b\\\"c\"" },
        { "quote", [8080.0], "\"8080\"" },
        { "cat", ["hello", null, "beautiful", 1L, List("x")], "hello beautiful 1 [x]" },
        { "indent", [4L, "a\nb"], "    a\n    b" },
        { "nindent", [2L, "a\nb"], "\n  a\n  b" },
        { "repeat", [3L, "hello"], "hellohellohello" },
        { "repeat", [0L, "hello"], "" },
        { "substr", [0L, 5L, "hello world"], "hello" },
        { "substr", [6L, -1L, "hello world"], "world" },
        { "substr", [-1L, 4L, "hello world"], "hell" },
        { "substr", [6L, 99L, "hello world"], "world" },
        { "trunc", [5L, "hello world"], "hello" },
        { "trunc", [-5L, "hello world"], "world" },
        { "trunc", [50L, "hello"], "hello" },
        { "trunc", [-50L, "hello"], "hello" },
        { "join", ["-", List("a", "b", "c")], "a-b-c" },
        { "join", [",", List("a", null, "c")], "a,c" },
        { "join", [",", "single"], "single" },
        { "join", [",", null], "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_function_returns_what_sprig_documents(string name, object?[] arguments, object? expected) =>
        Call(name, arguments).Should().BeEquivalentTo(expected);

    [Fact]
    public void Split_gives_a_map_of_numbered_parts_and_splitList_a_list()
    {
        Call("split", "$", "foo$bar$baz").Should().BeEquivalentTo(Map(("_0", "foo"), ("_1", "bar"), ("_2", "baz")));
        Call("splitList", "$", "foo$bar$baz").Should().BeEquivalentTo(List("foo", "bar", "baz"));
        Call("splitList", ",", "").Should().BeEquivalentTo(List(""));
        Call("splitList", "", "ab").Should().BeEquivalentTo(List("a", "b"));
    }

    [Fact]
    public void Positions_count_utf8_bytes_as_go_slices_do()
    {
        Call("trunc", 2L, "éa").Should().Be("é");
        Call("substr", 2L, 3L, "éab").Should().Be("a");
    }

    [Theory]
    [InlineData("upper", new object?[] { 1.0 }, "wrong type for value; expected string; got float64")]
    [InlineData("upper", new object?[] { null }, "invalid value; expected string")]
    [InlineData("upper", new object?[] { "a", "b" }, "wrong number of args for upper: want 1 got 2")]
    [InlineData("repeat", new object?[] { 2.0, "a" }, "wrong type for value; expected int; got float64")]
    [InlineData("repeat", new object?[] { -1L, "a" }, "strings: negative Repeat count")]
    [InlineData("substr", new object?[] { 4L, 2L, "hello" }, "runtime error: slice bounds out of range [4:2]")]
    public void Arguments_of_the_wrong_type_or_count_fail_as_go_refuses_them(string name, object?[] arguments, string message) =>
        Failure(name, arguments).Should().Be(message);
}
