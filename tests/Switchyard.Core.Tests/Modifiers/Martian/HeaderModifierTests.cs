using static Switchyard.Core.Tests.Modifiers.Martian.MartianFixture;

namespace Switchyard.Core.Tests.Modifiers.Martian;

public sealed class HeaderModifierTests
{
    [Fact]
    public void Header_Modifier_replaces_every_value_in_both_scopes()
    {
        var modifier = Parse("""{"header.Modifier": {"name": "X-A", "value": "new"}}""");
        var request = Request();
        request.Headers.TryAddWithoutValidation("X-A", ["old1", "old2"]);
        var response = Response();
        response.Headers.TryAddWithoutValidation("X-A", "old");

        modifier.ModifyRequest(request).Values("X-A").Should().Equal("new");
        modifier.ModifyResponse(response).Values("X-A").Should().Equal("new");
    }

    [Fact]
    public void Header_Modifier_writes_content_headers_on_the_content_and_gives_a_bodiless_request_one()
    {
        var modifier = Parse("""{"header.Modifier": {"name": "Content-Type", "value": "text/plain"}}""");

        var request = modifier.ModifyRequest(Request());

        request.Content!.Headers.ContentType!.ToString().Should().Be("text/plain");
        modifier.ModifyResponse(Response()).Content.Headers.ContentType!.ToString().Should().Be("text/plain");
    }

    [Fact]
    public void Header_Modifier_Host_sets_the_host_header_and_keeps_the_url()
    {
        var modifier = Parse("""{"header.Modifier": {"scope": ["request"], "name": "Host", "value": "api.example.com"}}""");

        var request = modifier.ModifyRequest(Request());

        request.Headers.Host.Should().Be("api.example.com");
        request.RequestUri!.OriginalString.Should().Be("http://backend:8000/b?x=1");
    }

    [Fact]
    public void Header_Modifier_Host_on_a_response_does_nothing()
    {
        var response = Parse("""{"header.Modifier": {"scope": ["response"], "name": "Host", "value": "a.example"}}""").ModifyResponse(Response());

        response.Values("Host").Should().BeEmpty();
    }

    [Fact]
    public void Header_Append_adds_after_the_existing_values()
    {
        var modifier = Parse("""{"header.Append": {"name": "X-A", "value": "2"}}""");
        var request = Request();
        request.Headers.TryAddWithoutValidation("X-A", "1");
        var response = Response();
        response.Headers.TryAddWithoutValidation("X-A", "1");

        modifier.ModifyRequest(request).Values("X-A").Should().Equal("1", "2");
        modifier.ModifyResponse(response).Values("X-A").Should().Equal("1", "2");
    }

    [Fact]
    public void Header_Blacklist_removes_message_and_content_headers()
    {
        var modifier = Parse("""{"header.Blacklist": {"names": ["X-A", "Content-Type"]}}""");
        var request = Request();
        request.Headers.TryAddWithoutValidation("X-A", "1");
        request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        var response = Response();
        response.Headers.TryAddWithoutValidation("X-A", "1");

        modifier.ModifyRequest(request);
        modifier.ModifyResponse(response);

        request.Values("X-A").Should().BeEmpty();
        request.Values("Content-Type").Should().BeEmpty();
        response.Values("X-A").Should().BeEmpty();
        response.Values("Content-Type").Should().BeEmpty();
    }

    [Fact]
    public void Header_Copy_copies_the_first_value_or_an_empty_one()
    {
        var modifier = Parse("""{"header.Copy": {"from": "X-From", "to": "X-To"}}""");
        var request = Request();
        request.Headers.TryAddWithoutValidation("X-From", ["a", "b"]);

        modifier.ModifyRequest(request).Values("X-To").Should().Equal("a");
        modifier.ModifyResponse(Response()).Values("X-To").Should().Equal("");
    }

    [Fact]
    public void Header_Copy_from_Host_reads_the_request_host()
    {
        var request = Parse("""{"header.Copy": {"scope": ["request"], "from": "Host", "to": "X-Original-Host"}}""").ModifyRequest(Request());

        request.Values("X-Original-Host").Should().Equal("backend:8000");
    }

    [Fact]
    public void Header_Id_adds_a_uuid_v4_unless_the_header_has_a_value()
    {
        var modifier = Parse("""{"header.Id": {}}""");
        var fresh = modifier.ModifyRequest(Request());
        var kept = Request();
        kept.Headers.TryAddWithoutValidation("X-Krakend-Id", "given");

        Guid.TryParse(fresh.Values("X-Krakend-Id").Single(), out var id).Should().BeTrue();
        id.Version.Should().Be(4);
        modifier.ModifyRequest(kept).Values("X-Krakend-Id").Should().Equal("given");
        modifier.Response.Should().BeNull();
    }

    [Fact]
    public void Header_Id_takes_another_header_name()
    {
        Parse("""{"header.Id": {"header": "X-Request-Id"}}""").ModifyRequest(Request()).Values("X-Request-Id").Should().ContainSingle();
    }

    [Fact]
    public void Stash_puts_the_url_on_the_request_and_copies_it_back_to_the_response()
    {
        var modifier = Parse("""{"stash.Modifier": {"headerName": "X-Stash"}}""");
        var request = modifier.ModifyRequest(Request("http://backend:8000/b?x=1"));

        var response = modifier.ModifyResponse(Response(request));

        request.Values("X-Stash").Should().Equal("http://backend:8000/b?x=1");
        response.Values("X-Stash").Should().Equal("http://backend:8000/b?x=1");
    }

    [Fact]
    public void Status_Modifier_replaces_the_status()
    {
        var response = Parse("""{"status.Modifier": {"statusCode": 201}}""").ModifyResponse(Response());

        ((int)response.StatusCode).Should().Be(201);
    }
}
