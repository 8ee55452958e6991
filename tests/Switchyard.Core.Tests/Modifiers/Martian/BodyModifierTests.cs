using System.Net;
using Switchyard.Core.Modifiers.Martian;
using static Switchyard.Core.Tests.Modifiers.Martian.MartianFixture;

namespace Switchyard.Core.Tests.Modifiers.Martian;

public sealed class BodyModifierTests
{
    // {"msg":"you rock!"}, KrakenD's documented example.
    private const string Body = """{"body.Modifier": {"body": "eyJtc2ciOiJ5b3Ugcm9jayEifQ==", "contentType": "application/json"}}""";

    [Fact]
    public async Task The_request_body_is_replaced_and_its_encoding_dropped()
    {
        var request = Request();
        request.Method = HttpMethod.Post;
        request.Content = new StringContent("old");
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Content.Headers.ContentLanguage.Add("en");

        Parse(Body).ModifyRequest(request);

        (await request.Content!.ReadAsStringAsync()).Should().Be("""{"msg":"you rock!"}""");
        request.Values("Content-Type").Should().Equal("application/json");
        request.Values("Content-Encoding").Should().BeEmpty();
        request.Values("Content-Language").Should().Equal("en");
        request.Content.Headers.ContentLength.Should().Be(19);
    }

    [Fact]
    public async Task The_response_body_is_replaced()
    {
        var response = Parse(Body).ModifyResponse(Response(body: "[1,2]"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"msg":"you rock!"}""");
        response.Values("Content-Type").Should().Equal("application/json");
    }

    [Fact]
    public async Task One_range_of_the_request_answers_206_with_that_part()
    {
        var request = Request();
        request.Headers.TryAddWithoutValidation("Range", "bytes=2-4");

        var response = Parse(Body).ModifyResponse(Response(request));

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await response.Content.ReadAsStringAsync()).Should().Be("msg");
        response.Values("Content-Range").Should().Equal("bytes 2-4/19");
    }

    [Fact]
    public async Task Several_ranges_answer_a_multipart_body()
    {
        var request = Request();
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-1,17-");

        var response = Parse(Body).ModifyResponse(Response(request));

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        var contentType = response.Values("Content-Type").Single();
        contentType.Should().StartWith("multipart/byteranges; boundary=");
        var boundary = contentType.Split("boundary=")[1];
        (await response.Content.ReadAsStringAsync()).Should().Be(
            $"--{boundary}\r\nContent-Range: bytes 0-1/19\r\nContent-Type: application/json\r\n\r\n{{\"" +
            $"\r\n--{boundary}\r\nContent-Range: bytes 17-18/19\r\nContent-Type: application/json\r\n\r\n\"}}" +
            $"\r\n--{boundary}--\r\n");
    }

    [Theory]
    [InlineData("bytes=5-2")]
    [InlineData("bytes=0-100")]
    [InlineData("bytes=1-2-3")]
    public async Task An_impossible_range_answers_416_without_a_body(string range)
    {
        var request = Request();
        request.Headers.TryAddWithoutValidation("Range", range);

        var response = Parse(Body).ModifyResponse(Response(request));

        response.StatusCode.Should().Be(HttpStatusCode.RequestedRangeNotSatisfiable);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public void A_range_that_is_not_a_number_fails_the_call()
    {
        var request = Request();
        request.Headers.TryAddWithoutValidation("Range", "bytes=a-2");

        var modify = () => Parse(Body).ModifyResponse(Response(request));

        modify.Should().Throw<MartianModifierException>().WithMessage("body.Modifier: invalid range number \"a\"");
    }

    [Fact]
    public async Task A_bodiless_get_gets_the_body()
    {
        var request = Parse(Body).ModifyRequest(Request());

        System.Text.Encoding.UTF8.GetString(await request.Content!.ReadAsByteArrayAsync()).Should().Be("""{"msg":"you rock!"}""");
    }
}
