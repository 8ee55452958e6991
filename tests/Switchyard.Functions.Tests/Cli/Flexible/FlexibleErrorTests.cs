using Switchyard.Core.Configuration.Flexible;
using Switchyard.Functions.Cli;

namespace Switchyard.Functions.Tests.Cli.Flexible;

/// <summary>
/// Mistakes in a templated configuration stop every command with the file, line and column at fault and exit code 1;
/// mistakes in the JSON it renders are reported as any configuration's, with a pointer to the rendered text.
/// </summary>
public sealed class FlexibleErrorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-flexible-").FullName;

    /// <summary>A copy of the playground whose template has <paramref name="from"/> replaced by <paramref name="to"/>.</summary>
    private string PlaygroundWith(string from, string to, string? partial = null)
    {
        foreach (var file in Directory.GetFiles(Playground.Directory, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_directory, Path.GetRelativePath(Playground.Directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var template = Path.Combine(_directory, "krakend-flexible-config.tmpl");
        var text = File.ReadAllText(template);
        text.Should().Contain(from);
        File.WriteAllText(template, text.Replace(from, to, StringComparison.Ordinal));
        if (partial is not null)
        {
            File.Delete(Path.Combine(_directory, "partials", partial));
        }

        return template;
    }

    private string[] Arguments(string verb, string template, string? settings = null) =>
    [
        verb, "-c", template, "--settings", settings ?? Path.Combine(_directory, "settings", "dev"),
        "--partials", Path.Combine(_directory, "partials"), "--templates", Path.Combine(_directory, "templates"),
    ];

    private FlexibleConfigOptions Options(string? settings = null) => new()
    {
        SettingsDirectory = settings ?? Path.Combine(_directory, "settings", "dev"),
        PartialsDirectory = Path.Combine(_directory, "partials"),
        TemplatesDirectory = Path.Combine(_directory, "templates"),
    };

    /// <summary>What check prints, after asserting that check, run and package all exit 1 on the command line.</summary>
    private async Task<string> FailingCheckAsync(string template, string? settings = null)
    {
        var errors = new StringWriter();
        CheckCommand.Check(template, new StringWriter(), errors, flexible: Options(settings)).Should().Be(1);
        foreach (var verb in new[] { "check", "run" })
        {
            (await SwitchyardCommand.Create().Parse(Arguments(verb, template, settings)).InvokeAsync()).Should().Be(1, verb);
        }

        (await SwitchyardCommand.Create().Parse([.. Arguments("package", template, settings), "-o", Path.Combine(_directory, "app"), "--no-publish"])
            .InvokeAsync()).Should().Be(1);
        Directory.Exists(Path.Combine(_directory, "app")).Should().BeFalse("nothing is packaged");
        return errors.ToString();
    }

    [Fact]
    public async Task An_unknown_function_names_the_file_line_and_column()
    {
        var template = PlaygroundWith("\"port\": {{ .env.port }}", "\"port\": {{ portOf .env }}");

        var report = await FailingCheckAsync(template);

        report.Should().StartWith("error: krakend-flexible-config.tmpl:5:16: function \"portOf\" not defined\n");
        report.Should().EndWith($"{template}: 1 error, 0 warnings\n");
    }

    [Fact]
    public async Task An_unclosed_action_names_the_file_line_and_column()
    {
        var template = PlaygroundWith("   ]\n}", "   ]\n}\n{{ .env.port");
        var lastLine = File.ReadAllLines(template).Length;

        var report = await FailingCheckAsync(template);

        report.Should().MatchRegex($"^error: krakend-flexible-config\\.tmpl:{lastLine}:[0-9]+: unclosed action\n");
    }

    [Fact]
    public async Task A_missing_partial_names_the_include_line_and_column()
    {
        var template = PlaygroundWith("{{ include \"extra_config.tmpl\" }}", "{{ include \"extra_config.tmpl\" }}", partial: "extra_config.tmpl");

        var report = await FailingCheckAsync(template);

        report.Should().MatchRegex("^error: krakend-flexible-config\\.tmpl:8:[0-9]+: .*include.*extra_config\\.tmpl");
    }

    [Fact]
    public async Task A_settings_file_with_bad_json_names_its_line_and_column()
    {
        var template = PlaygroundWith("\"version\": 3", "\"version\": 3");
        var env = Path.Combine(_directory, "settings", "dev", "env.json");
        File.WriteAllText(env, "{\n\t\"port\": 8080,\n\t\"host_member\" \"http://member\"\n}");

        var report = await FailingCheckAsync(template);

        report.Should().StartWith($"error: {env}:3:16: ");
    }

    [Fact]
    public async Task A_settings_folder_that_does_not_exist_is_named()
    {
        var template = PlaygroundWith("\"version\": 3", "\"version\": 3");
        var missing = Path.Combine(_directory, "settings", "staging");

        var report = await FailingCheckAsync(template, missing);

        report.Should().StartWith($"error: {missing}: cannot read the settings folder (FC_SETTINGS, --settings): ");
    }

    [Fact]
    public async Task A_settings_file_the_template_needs_but_is_missing_names_each_action_that_printed_no_value()
    {
        // Go renders a key missing from the data as <no value> (KrakenD does not set missingkey=error): the JSON then
        // breaks where it was printed, and each action that printed it is named by file, line and column.
        var template = PlaygroundWith("\"version\": 3", "\"version\": 3");
        File.Delete(Path.Combine(_directory, "settings", "dev", "env.json"));

        var report = await FailingCheckAsync(template);

        report.Should().StartWith("error: $: invalid JSON at line 5, position 13:")
            .And.Contain("note: krakend-flexible-config.tmpl:5:16: {{.env.port}} printed <no value>: the settings have no such key (is its settings file missing from FC_SETTINGS?)\n")
            .And.Contain("note: sample_template.tmpl:10:19: {{.env.host_case}} printed <no value>")
            .And.Contain("note: sample_template.tmpl:38:23: {{.env.security}} printed <no value>");
    }

    [Fact]
    public async Task A_settings_value_that_is_null_where_the_template_reads_into_it_names_the_position()
    {
        var template = PlaygroundWith("\"version\": 3", "\"version\": 3");
        File.WriteAllText(Path.Combine(_directory, "settings", "dev", "env.json"), "{\"port\": 8080, \"host_case\": null}");
        File.WriteAllText(Path.Combine(_directory, "templates", "sample_template.tmpl"), "{{ .env.host_case.url }}");

        var report = await FailingCheckAsync(template);

        report.Should().StartWith("error: sample_template.tmpl:1:4: ").And.Contain("nil pointer evaluating interface {}.url");
    }

    [Fact]
    public void A_rendered_configuration_with_errors_points_at_the_rendered_json()
    {
        var template = PlaygroundWith("\"version\": 3", "\"version\": 2");
        var errors = new StringWriter();

        CheckCommand.Check(template, new StringWriter(), errors, flexible: Options()).Should().Be(1);

        errors.ToString().Should().StartWith("error: version: unsupported version: 2 (want: 3)\n"
            + "note: the paths and positions above are in the JSON the template rendered: print it with `switchyard check --show-rendered`");
    }

    [Fact]
    public void With_an_output_file_the_rendered_json_is_kept_there_and_the_errors_point_at_it()
    {
        var template = PlaygroundWith("\"timeout\": \"30s\",", "\"timeout\": \"30s\"");
        var output = Path.Combine(_directory, "rendered.json");
        var errors = new StringWriter();

        CheckCommand.Check(template, new StringWriter(), errors, flexible: Options() with { OutputFile = output }).Should().Be(1);

        var report = errors.ToString();
        report.Should().StartWith("error: $: invalid JSON at line 7, position 5:");
        report.Should().Contain($"note: the paths and positions above are in the JSON the template rendered, kept in {output}\n");
        File.ReadAllLines(output)[6].Should().Be("    \"cache_ttl\": \"300s\",", "line 7 of the kept file is where the JSON is broken");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
