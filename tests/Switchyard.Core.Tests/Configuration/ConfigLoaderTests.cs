using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    [Fact]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        var path = Path.Combine(Path.GetTempPath(), $"switchyard-missing-{Guid.NewGuid():N}.json");

        var result = ConfigLoader.LoadFile(path);

        result.Config.Should().BeNull();
        result.Errors.Should().ContainSingle().Which.Should().Match<ConfigProblem>(
            e => e.Path == "$" && e.Message.StartsWith("cannot read the configuration file: ") && e.Message.Contains(path));
    }

    [Fact]
    public void A_file_is_read_and_loaded()
    {
        var path = Path.Combine(Path.GetTempPath(), $"switchyard-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"version": 3, "port": 7000}""");
        try
        {
            ConfigLoader.LoadFile(path).Config!.Port.Should().Be(7000);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Invalid_json_is_an_error_with_line_and_position()
    {
        var errors = LoadErrors("{\n  \"version\": 3,\n  \"port\": }\n");

        errors.Should().ContainSingle().Which.Should().StartWith("$: invalid JSON at line 3, position 11: ");
    }

    [Fact]
    public void Empty_text_is_invalid_json()
    {
        LoadErrors("").Should().ContainSingle().Which.Should().StartWith("$: invalid JSON at line 1, position 1: ");
    }

    [Fact]
    public void Problems_print_as_path_and_message()
    {
        new ConfigProblem("endpoints[2].backend[0].url_pattern", "required").ToString()
            .Should().Be("endpoints[2].backend[0].url_pattern: required");
    }

    [Fact]
    public void Several_errors_in_one_file_are_all_reported()
    {
        var result = ConfigLoader.Parse("""
            {"version": 2, "port": 70000, "host": ["http://b"],
             "endpoints": [
               {"endpoint": "/__debug/x", "backend": [{"url_pattern": "/x/{id}"}]},
               {"endpoint": "/ok", "timeout": "fast", "concurrent_calls": 9, "backend": []},
               {"endpoint": "/s", "backend": [{"url_pattern": "/s", "sd": "dns", "foo": 1}]}]}
            """);

        result.Config.Should().BeNull();
        result.Errors.Select(e => e.ToString()).Should().Equal(
            "endpoints[1].timeout: invalid duration \"fast\"",
            "version: unsupported version: 2 (want: 3)",
            "port: port must be between 0 and 65535, got 70000",
            "endpoints[0].endpoint: '/__debug/x' is reserved for the gateway's own endpoints",
            "endpoints[1].concurrent_calls: concurrent_calls must be between 1 and 5, got 9",
            "endpoints[1].backend: at least one backend is required",
            "endpoints[0].backend[0].url_pattern: undefined output param 'id'!",
            "endpoints[2].backend[0].sd: service discovery 'dns' is not supported (only static)");
        result.Warnings.Select(w => w.ToString()).Should().Equal("endpoints[2].backend[0].foo: unsupported key 'foo'");
    }

    [Fact]
    public void Warnings_do_not_stop_loading()
    {
        var result = ConfigLoader.Parse("""{"version": 3, "use_h2c": true, "extra_config": {"telemetry/metrics": {}}}""");

        result.Errors.Should().BeEmpty();
        result.Config.Should().NotBeNull();
        result.Warnings.Should().HaveCount(2);
    }
}
