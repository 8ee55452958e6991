using static Switchyard.Core.Tests.Templates.Sprig.SprigCall;

namespace Switchyard.Core.Tests.Templates.Sprig;

/// <summary>Sprig's conversions: lenient as spf13/cast, 0 for what cannot be read.</summary>
public sealed class ConversionFunctionsTests
{
    public static TheoryData<string, object?, object?> Cases => new()
    {
        { "int", 8080.0, 8080L },
        { "int", 3.9, 3L },
        { "int", -3.9, -3L },
        { "int", "42", 42L },
        { "int", "0x1f", 31L },
        { "int", "010", 8L },
        { "int", "5.0", 5L },
        { "int", "5.5", 0L },
        { "int", "abc", 0L },
        { "int", true, 1L },
        { "int", null, 0L },
        { "int64", 7.0, 7L },
        { "float64", "1.5", 1.5 },
        { "float64", 2L, 2.0 },
        { "float64", "x", 0.0 },
        { "atoi", "42", 42L },
        { "atoi", "-7", -7L },
        { "atoi", "0x1f", 0L },
        { "atoi", " 1", 0L },
        { "toString", "text", "text" },
        { "toString", 8080.0, "8080" },
        { "toString", 1.5, "1.5" },
        { "toString", true, "true" },
        { "toString", null, "<nil>" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_conversion_reads_values_as_sprig_does(string name, object? value, object? expected) =>
        Call(name, value).Should().Be(expected);

    [Fact]
    public void ToStrings_makes_text_of_every_item_that_is_not_nil() =>
        Call("toStrings", List("a", null, 2.0)).Should().BeEquivalentTo(List("a", "2"));
}
