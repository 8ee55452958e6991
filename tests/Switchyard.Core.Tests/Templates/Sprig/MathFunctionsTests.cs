using static Switchyard.Core.Tests.Templates.Sprig.SprigCall;

namespace Switchyard.Core.Tests.Templates.Sprig;

/// <summary>Sprig's integer math: operands read leniently as int64, results int64.</summary>
public sealed class MathFunctionsTests
{
    public static TheoryData<string, object?[], long> Cases => new()
    {
        { "add", [1L, 2L, 3L], 6L },
        { "add", [1L, "2", 3.9], 6L },
        { "add", [], 0L },
        { "add1", [8080.0], 8081L },
        { "sub", [10L, 3L], 7L },
        { "mul", [2L, 3L, 4L], 24L },
        { "div", [7L, 2L], 3L },
        { "div", [-7L, 2L], -3L },
        { "mod", [7L, 3L], 1L },
        { "mod", [-7L, 3L], -1L },
        { "max", [1L, 5.0, "3"], 5L },
        { "min", [4L, -2L, 3L], -2L },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_operation_computes_in_int64(string name, object?[] arguments, long expected) =>
        Call(name, arguments).Should().Be(expected);

    [Theory]
    [InlineData("div")]
    [InlineData("mod")]
    public void Dividing_by_zero_fails_as_gos_runtime_does(string name) =>
        Failure(name, 1L, 0L).Should().Be("runtime error: integer divide by zero");
}
