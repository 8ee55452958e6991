using Switchyard.Functions.Cli;

namespace Switchyard.Functions.Tests.Cli;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-cli-").FullName;

    private string Write(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void A_broken_file_lists_every_problem_with_its_json_path_and_exits_1()
    {
        var path = Write("broken.json", """
            {
              "version": 2,
              "timeout": "soon",
              "endpoints": [
                {"endpoint": "/users/{id}", "backend": [{"host": ["http://users"], "url_pattern": "/u/{user}"}]},
                {"endpoint": "/__debug/x", "backend": [{"host": ["http://users"], "url_pattern": "/x"}]},
                {"endpoint": "/raw", "output_encoding": "no-op", "backend": [
                  {"host": ["http://a"], "url_pattern": "/a"}, {"host": ["http://b"], "url_pattern": "/b"}]}
              ]
            }
            """);
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = CheckCommand.Check(path, output, errors);

        exitCode.Should().Be(1);
        var report = errors.ToString();
        report.Should().Contain("version: unsupported version: 2 (want: 3)");
        report.Should().Contain("timeout:");
        report.Should().Contain("endpoints[0].backend[0].url_pattern: undefined output param 'user'!");
        report.Should().Contain("endpoints[1].endpoint:");
        report.Should().Contain("endpoints[2]");
        report.TrimEnd().Should().EndWith("broken.json: 5 errors, 0 warnings");
        output.ToString().Should().BeEmpty();
    }

    [Fact]
    public void A_valid_file_exits_0_and_lists_warnings_for_unsupported_keys()
    {
        var path = Write("ok.json", """
            {"version": 3, "unknown_root": true, "endpoints": [
              {"endpoint": "/a", "backend": [{"host": ["http://a"], "url_pattern": "/a", "surprise": 1}]}]}
            """);
        var output = new StringWriter();
        var errors = new StringWriter();

        CheckCommand.Check(path, output, errors).Should().Be(0);

        output.ToString().Should().Be($"{path}: 0 errors, 2 warnings: the configuration is valid (1 endpoints).\n");
        errors.ToString().Should().Contain("warning: unknown_root: unsupported key 'unknown_root'")
            .And.Contain("warning: endpoints[0].backend[0].surprise: unsupported key 'surprise'");
    }

    [Fact]
    public async Task Strict_turns_a_warning_into_exit_code_1()
    {
        var path = Write("warned.json", """
            {"version": 3, "use_h2c": true, "endpoints": [{"endpoint": "/a", "backend": [{"host": ["http://a"], "url_pattern": "/a"}]}]}
            """);
        var errors = new StringWriter();

        CheckCommand.Check(path, new StringWriter(), new StringWriter()).Should().Be(0);
        CheckCommand.Check(path, new StringWriter(), errors, strict: true).Should().Be(1);
        (await SwitchyardCommand.Create().Parse(["check", "-c", path, "--strict"]).InvokeAsync()).Should().Be(1);

        errors.ToString().Should().Be(
            "warning: use_h2c: unsupported key 'use_h2c' (cleartext HTTP/2; ignored)\n"
            + $"{path}: 0 errors, 1 warning (--strict: warnings fail the check)\n");
    }

    [Fact]
    public async Task The_command_line_parses_check_with_its_config_option()
    {
        var path = Write("broken.json", """{"version": 3, "endpoints": [{"endpoint": "nope", "backend": []}]}""");

        var exitCode = await SwitchyardCommand.Create().Parse(["check", "-c", path]).InvokeAsync();

        exitCode.Should().Be(1);
    }

    [Fact]
    public async Task Run_refuses_to_start_on_a_broken_file()
    {
        var path = Write("broken.json", """{"version": 1, "endpoints": []}""");

        var exitCode = await SwitchyardCommand.Create().Parse(["run", "-c", path, "--port", "0"]).InvokeAsync();

        exitCode.Should().Be(1);
    }

    [Fact]
    public void A_missing_file_is_an_error_not_a_crash()
    {
        var errors = new StringWriter();

        CheckCommand.Check(Path.Combine(_directory, "absent.json"), new StringWriter(), errors).Should().Be(1);

        errors.ToString().Should().Contain("cannot read the configuration file");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
