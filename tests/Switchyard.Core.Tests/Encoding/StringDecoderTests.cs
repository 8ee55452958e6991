using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class StringDecoderTests
{
    private readonly StringDecoder _decoder = new();

    [Theory]
    [InlineData("héllo <b>wörld</b>\n")]
    [InlineData("""{"not":"parsed"}""")]
    [InlineData("")]
    public void Whole_body_goes_under_content(string body)
    {
        foreach (var isCollection in new[] { false, true })
        {
            var data = Rendering.Decode(_decoder, body, isCollection);

            data.Should().ContainSingle();
            data["content"]!.GetValue<string>().Should().Be(body);
        }
    }
}
