using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

/// <summary>Typed reads, type errors with paths, and warnings for keys nobody reads.</summary>
public sealed class JsonObjectReaderTests
{
    [Fact]
    public void Every_type_error_is_reported_with_its_path()
    {
        var errors = LoadErrors("""
            {"version": "3", "port": "8080", "debug_endpoint": "yes", "host": "http://b", "timeout": 2,
             "endpoints": [{"endpoint": "/e", "concurrent_calls": 1.5, "input_headers": ["A", 1],
               "backend": [{"url_pattern": "/b", "mapping": {"a": 1}, "is_collection": "false"}]}]}
            """);

        errors.Should().Equal(
            "version: expected an integer, got string \"3\"",
            "port: expected an integer, got string \"8080\"",
            "host: expected an array of strings, got string \"http://b\"",
            "timeout: expected a duration string such as \"2s\", got number 2",
            "debug_endpoint: expected a boolean, got string \"yes\"",
            "endpoints[0].backend[0].mapping.a: expected a string, got number 1",
            "endpoints[0].backend[0].is_collection: expected a boolean, got string \"false\"",
            "endpoints[0].concurrent_calls: expected an integer, got number 1.5",
            "endpoints[0].input_headers[1]: expected a string, got number 1");
    }

    [Fact]
    public void A_bad_duration_names_its_path_and_value()
    {
        LoadErrors(ServiceWithEndpoint("\"timeout\": \"2 seconds\"")).Should().Equal(
            "endpoints[0].timeout: unknown unit \" seconds\" in duration \"2 seconds\"");
    }

    [Fact]
    public void A_root_that_is_not_an_object_is_an_error()
    {
        LoadErrors("[1, 2]").Should().Equal("$: expected an object, got array");
    }

    [Fact]
    public void Endpoints_and_backends_that_are_not_objects_are_errors()
    {
        LoadErrors(Service("1", """{"endpoint": "/e", "backend": ["b"]}""")).Should().Equal(
            "endpoints[0]: expected an object, got number 1",
            "endpoints[1].backend[0]: expected an object, got string \"b\"");
    }

    [Fact]
    public void Null_reads_as_left_out()
    {
        var config = LoadValid(ServiceWithEndpoint("\"method\": null, \"timeout\": null, \"input_headers\": null"));

        config.Endpoints[0].Method.Should().Be("GET");
        config.Endpoints[0].Timeout.Should().Be(TimeSpan.FromSeconds(2));
        config.Endpoints[0].InputHeaders.Should().BeEmpty();
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var config = LoadValid("""
            {
              // the gateway
              "version": 3, /* a block comment */
              "port": 9090,
            }
            """);

        config.Port.Should().Be(9090);
    }

    [Fact]
    public void Unknown_keys_warn_at_every_level()
    {
        var warnings = LoadWarnings("""
            {"version": 3, "host": ["http://b"], "use_h2c": true, "disable_rest": true,
             "endpoints": [{"endpoint": "/e", "foo": 1,
               "backend": [{"url_pattern": "/b", "timeout": "1s", "blacklist": ["a"]}]}]}
            """);

        warnings.Should().Equal(
            "endpoints[0].backend[0].timeout: unsupported key 'timeout'",
            "endpoints[0].backend[0].blacklist: unsupported key 'blacklist'",
            "endpoints[0].foo: unsupported key 'foo'",
            "use_h2c: unsupported key 'use_h2c' (cleartext HTTP/2; ignored)",
            "disable_rest: unsupported key 'disable_rest' (RESTful url_pattern check; ignored)");
    }

    [Fact]
    public void Unknown_keys_are_warnings_not_errors()
    {
        var result = ConfigLoader.Parse("""{"version": 3, "foo": true}""");

        result.Errors.Should().BeEmpty();
        result.Config.Should().NotBeNull();
    }

    [Fact]
    public void Comment_keys_and_schema_are_ignored_silently()
    {
        var warnings = LoadWarnings("""
            {"$schema": "https://www.krakend.io/schema/v3.json", "@comment": "root", "version": 3,
             "host": ["http://b"],
             "endpoints": [{"@comment": "e", "endpoint": "/e",
               "backend": [{"@note": "b", "url_pattern": "/b",
                 "extra_config": {"@comment": "x", "proxy": {"@comment": "p", "shadow": false}}}]}]}
            """);

        warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_key_written_twice_warns_and_the_last_one_is_used()
    {
        var result = ConfigLoader.Parse("""{"version": 3, "port": 1000, "port": 2000}""");

        result.Config!.Port.Should().Be(2000);
        result.Warnings.Select(w => w.ToString()).Should().Equal("port: duplicate key 'port' (the last one is used)");
    }
}
