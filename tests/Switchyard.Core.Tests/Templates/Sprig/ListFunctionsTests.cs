using static Switchyard.Core.Tests.Templates.Sprig.SprigCall;

namespace Switchyard.Core.Tests.Templates.Sprig;

/// <summary>Sprig's list functions against its documentation.</summary>
public sealed class ListFunctionsTests
{
    private static readonly List<object?> OneToFive = List(1L, 2L, 3L, 4L, 5L);

    public static TheoryData<string, object?[], object?> Cases => new()
    {
        { "list", [1L, 2L, 3L], List(1L, 2L, 3L) },
        { "first", [OneToFive], 1L },
        { "first", [List()], null },
        { "last", [OneToFive], 5L },
        { "rest", [OneToFive], List(2L, 3L, 4L, 5L) },
        { "rest", [List()], null },
        { "initial", [OneToFive], List(1L, 2L, 3L, 4L) },
        { "append", [OneToFive, 6L], List(1L, 2L, 3L, 4L, 5L, 6L) },
        { "prepend", [OneToFive, 0L], List(0L, 1L, 2L, 3L, 4L, 5L) },
        { "concat", [OneToFive, List(6L, 7L), List(8L)], List(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L) },
        { "reverse", [OneToFive], List(5L, 4L, 3L, 2L, 1L) },
        { "uniq", [List(1L, 1L, 1L, 2L, 1.0)], List(1L, 2L, 1.0) },
        { "without", [OneToFive, 1L, 3L, 5L], List(2L, 4L) },
        { "has", [4L, OneToFive], true },
        { "has", ["hello", OneToFive], false },
        { "has", [4.0, OneToFive], false },
        { "has", [1L, null], false },
        { "compact", [List(1L, "", null, "a", 0L, false, List())], List(1L, "a") },
        { "sortAlpha", [List("b", "a", "C")], List("C", "a", "b") },
        { "until", [5L], List(0L, 1L, 2L, 3L, 4L) },
        { "until", [-3L], List(0L, -1L, -2L) },
        { "untilStep", [3L, 6L, 2L], List(3L, 5L) },
        { "seq", [5L], "1 2 3 4 5" },
        { "seq", [-3L], "1 0 -1 -2 -3" },
        { "seq", [0L, 2L], "0 1 2" },
        { "seq", [2L, -2L], "2 1 0 -1 -2" },
        { "seq", [0L, 2L, 10L], "0 2 4 6 8 10" },
        { "seq", [0L, -2L, -5L], "0 -2 -4" },
        { "seq", [5L, 1L, 0L], "" },
        { "seq", [], "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_function_returns_what_sprig_documents(string name, object?[] arguments, object? expected) =>
        Call(name, arguments).Should().BeEquivalentTo(expected, options => options.RespectingRuntimeTypes());

    [Fact]
    public void The_given_list_is_never_changed()
    {
        var list = List(1L, 2L);

        Call("append", list, 3L);
        Call("reverse", list);

        list.Should().Equal(1L, 2L);
    }

    [Theory]
    [InlineData("first", "Cannot find first on type string")]
    [InlineData("last", "Cannot find last on type string")]
    [InlineData("rest", "Cannot find rest on type string")]
    [InlineData("initial", "Cannot find initial on type string")]
    [InlineData("uniq", "Cannot find uniq on type string")]
    public void A_value_that_is_not_a_list_fails_in_sprigs_words(string name, string message) => Failure(name, "abc").Should().Be(message);

    [Fact]
    public void Concat_refuses_a_value_that_is_not_a_list() =>
        Failure("concat", OneToFive, 3L).Should().Be("Cannot concat type int as list");
}
