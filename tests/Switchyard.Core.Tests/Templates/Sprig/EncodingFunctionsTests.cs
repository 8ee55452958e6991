using static Switchyard.Core.Tests.Templates.Sprig.SprigCall;

namespace Switchyard.Core.Tests.Templates.Sprig;

/// <summary>b64enc and b64dec: standard, padded base64; bad input decodes to Go's error text as in Sprig.</summary>
public sealed class EncodingFunctionsTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("user:pass", "dXNlcjpwYXNz")]
    [InlineData("é", "w6k=")]
    public void Text_goes_there_and_back(string text, string encoded)
    {
        Call("b64enc", text).Should().Be(encoded);
        Call("b64dec", encoded).Should().Be(text);
    }

    [Theory]
    [InlineData("dXNlcjpwYXNz!", "illegal base64 data at input byte 12")]
    [InlineData("dXNlcjpwYXN", "illegal base64 data at input byte 8")]
    public void Text_that_is_not_base64_decodes_to_gos_error(string text, string message) =>
        Call("b64dec", text).Should().Be(message);
}
