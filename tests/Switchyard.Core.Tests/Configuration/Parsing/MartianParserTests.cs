using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class MartianParserTests
{
    private const string Path = "endpoints[0].backend[0].extra_config.modifier/martian";

    private static string Backend(string block) => ServiceWithBackend($$"""
        "extra_config": {"modifier/martian": {{block}}}
        """);

    private static IReadOnlyList<string> Errors(string block) => LoadErrors(Backend(block));

    [Fact]
    public void A_backend_without_the_namespace_has_no_modifier()
    {
        LoadValid(ServiceWithBackend("")).Endpoints[0].Backends[0].Martian.Should().BeNull();
    }

    [Fact]
    public void The_old_name_is_read_too()
    {
        LoadValid(ServiceWithBackend("""
            "extra_config": {"github.com/devopsfaith/krakend-martian": {"header.Modifier": {"name": "X-A", "value": "1"}}}
            """)).Endpoints[0].Backends[0].Martian.Should().NotBeNull();
    }

    [Fact]
    public void Scope_omitted_is_every_scope_the_type_serves()
    {
        var both = LoadValid(Backend("""{"header.Modifier": {"name": "X-A", "value": "1"}}""")).Endpoints[0].Backends[0].Martian!;
        var requestOnly = LoadValid(Backend("""{"url.Modifier": {"path": "/x"}}""")).Endpoints[0].Backends[0].Martian!;
        var responseOnly = LoadValid(Backend("""{"header.Modifier": {"scope": ["response"], "name": "X-A", "value": "1"}}"""))
            .Endpoints[0].Backends[0].Martian!;

        both.Request.Should().NotBeNull();
        both.Response.Should().NotBeNull();
        requestOnly.Request.Should().NotBeNull();
        requestOnly.Response.Should().BeNull();
        responseOnly.Request.Should().BeNull();
        responseOnly.Response.Should().NotBeNull();
    }

    [Fact]
    public void On_an_endpoint_it_is_refused()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"modifier/martian": {"header.Modifier": {"name": "X-A", "value": "1"}}}
            """)).Should().ContainSingle().Which.Should().StartWith("endpoints[0].extra_config.modifier/martian: ");
    }

    [Fact]
    public void Header_Id_with_an_empty_header_uses_the_default_as_krakend_does()
    {
        LoadValid(Backend("""{"header.Id": {"header": ""}}""")).Endpoints[0].Backends[0].Martian!.Request.Should().NotBeNull();
    }

    [Fact]
    public void A_comment_inside_a_modifier_is_allowed()
    {
        LoadValid(Backend("""{"header.Modifier": {"@comment": "why", "name": "X-A", "value": "1"}}"""));
    }

    [Fact]
    public void Agents_backends_read_it_too()
    {
        var config = LoadValid(ServiceWithAgentBackends("""
            {"url_pattern": "/b", "extra_config": {"modifier/martian": {"header.Modifier": {"name": "X-A", "value": "1"}}}}
            """));

        config.AsyncAgents[0].Pipe.Backends[0].Martian.Should().NotBeNull();
    }

    [Theory]
    [InlineData("""{"header.Modifier": {"name": "X-A", "value": "1"}, "header.Append": {"name": "X-B", "value": "1"}}""",
        "", "expected exactly one martian modifier, filter or group, got 2 (header.Modifier, header.Append): put several in a fifo.Group or priority.Group, and an @comment inside the modifier")]
    [InlineData("""{"@comment": "x", "header.Modifier": {"name": "X-A", "value": "1"}}""",
        "", "expected exactly one martian modifier, filter or group, got 2 (@comment, header.Modifier): put several in a fifo.Group or priority.Group, and an @comment inside the modifier")]
    [InlineData("""{}""", "", "expected exactly one martian modifier, filter or group, got 0: put several in a fifo.Group or priority.Group, and an @comment inside the modifier")]
    [InlineData("""[]""", "", "expected an object with one martian modifier, filter or group, got array")]
    [InlineData("""{"header.Nope": {}}""", "[\"header.Nope\"]", "unknown martian type 'header.Nope'; served: header.Modifier, header.Append, header.Blacklist, header.Copy, header.Id, querystring.Modifier, body.Modifier, url.Modifier, cookie.Modifier, port.Modifier, stash.Modifier, status.Modifier, fifo.Group, priority.Group, header.Filter, header.RegexFilter, querystring.Filter, url.Filter, url.RegexFilter, cookie.Filter, port.Filter")]
    [InlineData("""{"header.Verifier": {"name": "X-A", "value": "1"}}""", "[\"header.Verifier\"]", "martian type 'header.Verifier' is not served by Switchyard: verifiers record expectations for martian's test proxy and change nothing")]
    [InlineData("""{"status.Verifier": {"statusCode": 200}}""", "[\"status.Verifier\"]", "martian type 'status.Verifier' is not served by Switchyard: verifiers record expectations for martian's test proxy and change nothing")]
    [InlineData("""{"static.Modifier": {"rootPath": "/tmp"}}""", "[\"static.Modifier\"]", "martian type 'static.Modifier' is not served by Switchyard: serving files from the gateway's disk instead of calling the backend is not served")]
    [InlineData("""{"header.Modifier": {"name": "X-A", "value": "1", "nme": "x"}}""", "[\"header.Modifier\"].nme", "unknown key 'nme': refused, because it may configure a protection Switchyard does not enforce")]
    [InlineData("""{"url.Modifier": {"scope": ["response"], "path": "/x"}}""", "[\"url.Modifier\"].scope[0]", "url.Modifier does not serve the response scope; it serves only the request")]
    [InlineData("""{"status.Modifier": {"scope": ["request"], "statusCode": 200}}""", "[\"status.Modifier\"].scope[0]", "status.Modifier does not serve the request scope; it serves only the response")]
    [InlineData("""{"header.Id": {"scope": ["request", "response"]}}""", "[\"header.Id\"].scope[1]", "header.Id does not serve the response scope; it serves only the request")]
    [InlineData("""{"header.Modifier": {"scope": ["both"], "name": "X-A", "value": "1"}}""", "[\"header.Modifier\"].scope[0]", "invalid scope 'both': want request or response")]
    [InlineData("""{"header.Modifier": {"scope": [], "name": "X-A", "value": "1"}}""", "[\"header.Modifier\"].scope", "an empty scope makes the modifier do nothing: give request, response or both, or leave scope out")]
    [InlineData("""{"stash.Modifier": {"scope": ["response"], "headerName": "X-Stash"}}""", "[\"stash.Modifier\"].scope", "stash.Modifier copies the request's header into the response: its scope needs request too")]
    [InlineData("""{"body.Modifier": {"body": "not base64!"}}""", "[\"body.Modifier\"].body", "the body must be base64 (standard alphabet, with padding)")]
    [InlineData("""{"body.Modifier": {"contentType": "text/plain"}}""", "[\"body.Modifier\"].body", "body.Modifier needs 'body'")]
    [InlineData("""{"header.RegexFilter": {"header": "X-A", "regex": "(", "modifier": {"header.Modifier": {"name": "X-B", "value": "1"}}}}""", "[\"header.RegexFilter\"].regex", "invalid regular expression '(': Invalid pattern '(' at offset 1. Not enough )'s.")]
    [InlineData("""{"header.RegexFilter": {"header": "X-A", "regex": "a", "modifier": {"header.Modifier": {"name": "X-B", "value": "1"}}, "else": {"header.Modifier": {"name": "X-B", "value": "2"}}}}""", "[\"header.RegexFilter\"].else", "header.RegexFilter has no 'else' in martian: use a filter that has one")]
    [InlineData("""{"port.Filter": {"port": 80, "modifier": {"header.Modifier": {"name": "X-B", "value": "1"}}, "else": {"header.Modifier": {"name": "X-B", "value": "2"}}}}""", "[\"port.Filter\"].else", "port.Filter has no 'else' in martian: use a filter that has one")]
    [InlineData("""{"header.Filter": {"name": "X-A", "value": "1"}}""", "[\"header.Filter\"].modifier", "header.Filter needs 'modifier'")]
    [InlineData("""{"header.Filter": {"name": "X-A", "modifier": {"header.Modifier": {"name": "X-B", "value": "1"}}}}""", "[\"header.Filter\"].value", "header.Filter needs 'value': martian matches only headers with exactly that value")]
    [InlineData("""{"header.Modifier": {"name": "Bad Name", "value": "1"}}""", "[\"header.Modifier\"].name", "'Bad Name' is not a header name")]
    [InlineData("""{"header.Modifier": {"value": "1"}}""", "[\"header.Modifier\"].name", "header.Modifier needs 'name'")]
    [InlineData("""{"header.Modifier": {"name": "X-A", "value": "a\r\nX-Injected: 1"}}""", "[\"header.Modifier\"].value", "a header value cannot hold control characters such as line breaks")]
    [InlineData("""{"header.Modifier": {"name": "Content-Length", "value": "5"}}""", "[\"header.Modifier\"].name", "'Content-Length' is the message framing, which the HTTP client writes; header.Modifier cannot change it")]
    [InlineData("""{"header.Modifier": {"name": "Host", "value": "evil.example/path"}}""", "[\"header.Modifier\"].value", "'evil.example/path' is not a host: want a name or address with an optional port, as in a backend's host")]
    [InlineData("""{"header.Append": {"name": "Host", "value": "a.example"}}""", "[\"header.Append\"].name", "header.Append cannot add a second Host to a request")]
    [InlineData("""{"header.Copy": {"from": "X-Some", "to": "Host"}}""", "[\"header.Copy\"].to", "header.Copy cannot write a request's Host: the value would come from the request")]
    [InlineData("""{"header.Blacklist": {"names": ["X-A", "bad name"]}}""", "[\"header.Blacklist\"].names[1]", "'bad name' is not a header name")]
    [InlineData("""{"stash.Modifier": {"headerName": "Host"}}""", "[\"stash.Modifier\"].headerName", "stash.Modifier cannot write the Host header (martian would not send it)")]
    [InlineData("""{"url.Modifier": {"scheme": "ftp"}}""", "[\"url.Modifier\"].scheme", "'ftp' is not a backend scheme: want http or https")]
    [InlineData("""{"url.Modifier": {"host": "user@evil.example"}}""", "[\"url.Modifier\"].host", "'user@evil.example' is not a host: want a name or address with an optional port, as in a backend's host")]
    [InlineData("""{"url.Modifier": {"host": "a.example:99999"}}""", "[\"url.Modifier\"].host", "'a.example:99999' is not a host: want a name or address with an optional port, as in a backend's host")]
    [InlineData("""{"url.Modifier": {"path": "relative"}}""", "[\"url.Modifier\"].path", "'relative' is not an absolute path: start it with '/'")]
    [InlineData("""{"url.Modifier": {"query": "a=1#frag"}}""", "[\"url.Modifier\"].query", "a raw query cannot hold spaces, control characters, '#' or non-ASCII characters: escape them")]
    [InlineData("""{"port.Modifier": {"port": 8080, "remove": true}}""", "[\"port.Modifier\"]", "port.Modifier needs exactly one of 'port', 'defaultForScheme' or 'remove'")]
    [InlineData("""{"port.Modifier": {}}""", "[\"port.Modifier\"]", "port.Modifier needs exactly one of 'port', 'defaultForScheme' or 'remove'")]
    [InlineData("""{"port.Modifier": {"port": 0}}""", "[\"port.Modifier\"].port", "0 is not a port (1 to 65535)")]
    [InlineData("""{"cookie.Modifier": {"name": "c d", "value": "v"}}""", "[\"cookie.Modifier\"].name", "'c d' is not a cookie name")]
    [InlineData("""{"cookie.Modifier": {"name": "c", "value": "a b"}}""", "[\"cookie.Modifier\"].value", "a cookie value holds only cookie characters (no spaces, quotes, commas, ';' or '\\')")]
    [InlineData("""{"cookie.Modifier": {"name": "c", "value": "v", "path": "/a;b"}}""", "[\"cookie.Modifier\"].path", "a cookie path cannot hold ';', control or non-ASCII characters")]
    [InlineData("""{"cookie.Modifier": {"name": "c", "value": "v", "expires": "tomorrow"}}""", "[\"cookie.Modifier\"].expires", "'tomorrow' is not an RFC 3339 time such as 2025-04-12T23:20:50Z")]
    [InlineData("""{"status.Modifier": {"statusCode": 42}}""", "[\"status.Modifier\"].statusCode", "status.Modifier needs a 'statusCode' from 100 to 599")]
    [InlineData("""{"fifo.Group": {}}""", "[\"fifo.Group\"].modifiers", "fifo.Group needs 'modifiers'")]
    [InlineData("""{"priority.Group": {"modifiers": [{"priority": 1}]}}""", "[\"priority.Group\"].modifiers[0].modifier", "a priority.Group item needs 'modifier'")]
    [InlineData("""{"priority.Group": {"modifiers": [{"priority": 1.5, "modifier": {"header.Modifier": {"name": "X-A", "value": "1"}}}]}}""", "[\"priority.Group\"].modifiers[0].priority", "expected an integer, got number 1.5")]
    [InlineData("""{"url.RegexFilter": {"modifier": {"header.Modifier": {"name": "X-A", "value": "1"}}}}""", "[\"url.RegexFilter\"].regex", "url.RegexFilter needs 'regex'")]
    [InlineData("""{"port.Filter": {"modifier": {"header.Modifier": {"name": "X-A", "value": "1"}}}}""", "[\"port.Filter\"].port", "port.Filter needs 'port'")]
    public void What_is_not_served_is_an_error_with_its_path(string block, string relativePath, string message)
    {
        Errors(block).Should().Equal($"{Path}{relativePath}: {message}");
    }

    [Fact]
    public void Errors_deep_in_the_tree_name_their_path()
    {
        Errors("""
            {"fifo.Group": {"modifiers": [
              {"header.Modifier": {"name": "X-A", "value": "1"}},
              {"header.Filter": {"name": "X-T", "value": "v1",
                "modifier": {"header.Modifier": {"name": "X-B", "value": "1"}},
                "else": {"priority.Group": {"modifiers": [{"priority": 1, "modifier": {"url.Verifier": {}}}]}}}}]}}
            """).Should().Equal(
            $"{Path}[\"fifo.Group\"].modifiers[1][\"header.Filter\"].else[\"priority.Group\"].modifiers[0].modifier[\"url.Verifier\"]: martian type 'url.Verifier' is not served by Switchyard: verifiers record expectations for martian's test proxy and change nothing");
    }

    [Fact]
    public void Two_keys_inside_a_group_item_are_an_error_too()
    {
        Errors("""
            {"fifo.Group": {"modifiers": [{"header.Modifier": {"name": "X-A", "value": "1"}, "header.Append": {"name": "X-A", "value": "2"}}]}}
            """).Should().Equal(
            $"{Path}[\"fifo.Group\"].modifiers[0]: expected exactly one martian modifier, filter or group, got 2 (header.Modifier, header.Append): put several in a fifo.Group or priority.Group, and an @comment inside the modifier");
    }
}
