using Switchyard.Templates;

namespace Switchyard.Core.Tests.Templates;

/// <summary>Go's fmt over the value model: printf verbs, flags, widths, precisions and the printed mistakes.</summary>
public sealed class GoFormatTests
{
    public static TheoryData<string, object?[], string> Verbs => new()
    {
        { "%d", [3L], "3" },
        { "%5d|", [3L], "    3|" },
        { "%-5d|", [3L], "3    |" },
        { "%05d", [-3L], "-0003" },
        { "%+d", [3L], "+3" },
        { "% d", [3L], " 3" },
        { "%.3d", [7L], "007" },
        { "%x %X %#x", [255L, 255L, 255L], "ff FF 0xff" },
        { "%x", [-255L], "-ff" },
        { "%o %#o %O", [8L, 8L, 8L], "10 010 0o10" },
        { "%b", [5L], "101" },
        { "%c%c", [72L, 105L], "Hi" },
        { "%q", [65L], "'A'" },
        { "%U %#U", [0x41L, 0xE9L], "U+0041 U+00E9 'é'" },
        { "%s|%10s|%-10s|", ["go", "go", "go"], "go|        go|go        |" },
        { "%.2s", ["héllo"], "hé" },
        { "%q", ["a\"b\n"], "\"a\\\"b\\n\"" },
        { "%#q", ["a\"b"], "`a\"b`" },
        { "%+q", ["é"], "\"\\u00e9\"" },
        { "%x % X", ["hi", "hi"], "6869 68 69" },
        { "%v %v %v %v", [true, 1L, 1.5, "s"], "true 1 1.5 s" },
        { "%t", [false], "false" },
        { "%5t|", [true], " true|" },
        { "%f", [3.14159], "3.141590" },
        { "%.2f", [3.14159], "3.14" },
        { "%8.3f|", [3.14159], "   3.142|" },
        { "%-8.2f|", [-1.5], "-1.50   |" },
        { "%08.2f", [-1.5], "-0001.50" },
        { "%+.1f", [2.0], "+2.0" },
        { "%e", [1234.5678], "1.234568e+03" },
        { "%E", [0.000123], "1.230000E-04" },
        { "%g", [1234.5678], "1234.5678" },
        { "%.3g", [1234.5678], "1.23e+03" },
        { "%.3g", [1.0], "1" },
        { "%g", [1e21], "1e+21" },
        { "%g", [1e-7], "1e-07" },
        { "%G", [1e-7], "1E-07" },
        { "%v", [100000.0], "100000" },
        { "%v", [1234567.0], "1.234567e+06" },
        { "%v", [0.1 + 0.2], "0.30000000000000004" },
        { "%v", [-0.0], "-0" },
        { "%v %v", [double.PositiveInfinity, double.NaN], "+Inf NaN" },
        { "%v", [new List<object?> { 1L, "a", null, 2.5 }], "[1 a <nil> 2.5]" },
        { "%d", [new List<object?> { 1L, 2L }], "[1 2]" },
        { "%q", [new List<object?> { "a", "b" }], "[\"a\" \"b\"]" },
        { "%3d", [new List<object?> { 1L, 2L }], "[  1   2]" },
        { "%v", [new Dictionary<string, object?> { ["b"] = 2L, ["a"] = new List<object?>() }], "map[a:[] b:2]" },
        { "%s", [new Dictionary<string, object?> { ["k"] = 1L }], "map[k:%!s(int=1)]" },
        { "%#v", [new Dictionary<string, object?> { ["a"] = "x" }], "map[string]interface {}{\"a\":\"x\"}" },
        { "%#v", [new List<object?> { 1L, "x" }], "[]interface {}{1, \"x\"}" },
        { "%T %T %T %T %T %T %T", [1L, 1.0, "s", true, null, new List<object?>(), new Dictionary<string, object?>()], "int float64 string bool <nil> []interface {} map[string]interface {}" },
        { "100%%", [], "100%" },
        { "%*d|%-*d|", [4L, 1L, 3L, 2L], "   1|2  |" },
        { "%.*f", [2L, 3.14159], "3.14" },
        { "%d", ["x"], "%!d(string=x)" },
        { "%d", [8080.0], "%!d(float64=8080)" },
        { "%s", [1L], "%!s(int=1)" },
        { "%t", [1L], "%!t(int=1)" },
        { "%d", [null], "%!d(<nil>)" },
        { "%v", [null], "<nil>" },
        { "%s", [null], "%!s(<nil>)" },
        { "%z", [1L], "%!z(int=1)" },
        { "%d %d", [1L], "1 %!d(MISSING)" },
        { "%d", [1L, "x", null], "1%!(EXTRA string=x, <nil>)" },
        { "trailing %", [], "trailing %!(NOVERB)" },
        { "%*d", ["w", 1L], "%!(BADWIDTH)1" },
        { "no verbs", [], "no verbs" },
        { "%[2]s %[1]s", ["a", "b"], "b a" },
        { "%[1]d %[1]x %[1]o", [10L], "10 a 12" },
        { "%[2]*[1]d|", [12L, 5L], "   12|" },
        { "%[3]d", [1L, 2L], "%!d(BADINDEX)" },
        { "%[x]d", [1L], "%!d(BADINDEX)" },
        { "%[d", [1L], "%!d(BADINDEX)" },
        { "%[2]d %d", [1L, 2L, 3L], "2 3" },
        { "%😀", [1L], "%!😀(int=1)" },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Sprintf_prints_as_go_does(string format, object?[] arguments, string expected)
    {
        GoFormat.Sprintf(format, arguments).Should().Be(expected);
    }

    [Theory]
    [InlineData(0.5, "%.0f", "0")]
    [InlineData(1.5, "%.0f", "2")]
    [InlineData(2.5, "%.0f", "2")]
    [InlineData(0.125, "%.2f", "0.12")]
    [InlineData(0.375, "%.2f", "0.38")]
    [InlineData(2.675, "%.2f", "2.67")]
    public void Rounding_is_to_the_nearest_exact_decimal_with_ties_to_even(double value, string format, string expected)
    {
        GoFormat.Sprintf(format, [value]).Should().Be(expected);
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(8080.0, "8080")]
    [InlineData(123456.0, "123456")]
    [InlineData(1000000.0, "1e+06")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(5e-324, "5e-324")]
    public void Floats_print_in_gos_shortest_form(double value, string expected)
    {
        GoFormat.Print(value).Should().Be(expected);
    }

    [Fact]
    public void Sprint_separates_operands_that_are_not_strings()
    {
        GoFormat.Sprint(["a", 1L, 2L, "b", "c", true]).Should().Be("a1 2bctrue");
        GoFormat.Sprintln(["a", 1L]).Should().Be("a 1\n");
    }
}
