using static Switchyard.Core.Tests.Templates.Sprig.SprigCall;

namespace Switchyard.Core.Tests.Templates.Sprig;

/// <summary>Sprig's defaults and flow: Go's zero values are "empty".</summary>
public sealed class DefaultFunctionsTests
{
    public static TheoryData<object?, bool> EmptyCases => new()
    {
        { null, true },
        { false, true },
        { 0L, true },
        { 0.0, true },
        { "", true },
        { List(), true },
        { Map(), true },
        { true, false },
        { 1L, false },
        { 0.5, false },
        { "0", false },
        { List([null]), false },
        { Map(("a", null)), false },
    };

    [Theory]
    [MemberData(nameof(EmptyCases))]
    public void Empty_is_true_for_go_zero_values(object? value, bool empty) => Call("empty", value).Should().Be(empty);

    [Theory]
    [MemberData(nameof(EmptyCases))]
    public void Default_replaces_exactly_the_empty_values(object? value, bool empty) =>
        Call("default", "fallback", value).Should().Be(empty ? "fallback" : value);

    [Fact]
    public void Default_without_a_given_value_is_the_default() => Call("default", "fallback").Should().Be("fallback");

    [Fact]
    public void Coalesce_takes_the_first_value_that_is_not_empty()
    {
        Call("coalesce", 0L, 1L, 2L).Should().Be(1L);
        Call("coalesce", null, "", "x").Should().Be("x");
        Call("coalesce", null, "").Should().BeNull();
    }

    [Fact]
    public void Ternary_chooses_by_a_boolean_and_refuses_anything_else()
    {
        Call("ternary", "foo", "bar", true).Should().Be("foo");
        Call("ternary", "foo", "bar", false).Should().Be("bar");
        Failure("ternary", "foo", "bar", "true").Should().Be("wrong type for value; expected bool; got string");
    }

    [Fact]
    public void Fail_stops_the_template_with_its_message() =>
        Failure("fail", "Please accept the end user license agreement").Should().Be("Please accept the end user license agreement");
}
