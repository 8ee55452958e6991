using Switchyard.Core.Configuration.Flexible;

namespace Switchyard.Core.Tests.Configuration.Flexible;

/// <summary>Rendering as KrakenD's flexible configuration does: settings as data, marshal, include, env, sub-templates.</summary>
public sealed class FlexibleConfigRendererTests : IDisposable
{
    private static readonly Dictionary<string, string> Variables = new() { ["SERVICE_NAME"] = "orders" };

    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-render-").FullName;

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private FlexibleRendering Render(string template) => FlexibleConfigRenderer.Render(
        Write("krakend.tmpl", template),
        new FlexibleConfigOptions
        {
            SettingsDirectory = Path.Combine(_directory, "settings"),
            PartialsDirectory = Path.Combine(_directory, "partials"),
            TemplatesDirectory = Path.Combine(_directory, "templates"),
        },
        name => Variables.GetValueOrDefault(name));

    public FlexibleConfigRendererTests()
    {
        Write("settings/service.json", """{"port": 8080, "timeout": 1.5, "hosts": ["http://b", "http://a"], "cors": {"origins": ["<*>"], "age": "12h"}}""");
        Write("partials/rate.json", """{"max_rate": {{ not evaluated }}}""");
        Write("templates/backend.tmpl", """{{ define "host" }}"{{ . }}"{{ end }}{"host": [{{ template "host" index .hosts 0 }}]}""");
    }

    [Theory]
    [InlineData("{{ .service.port }}", "8080")]
    [InlineData("{{ .service.timeout }}", "1.5")]
    [InlineData("{{ marshal .service.cors }}", """{"age":"12h","origins":["\u003c*\u003e"]}""")]
    [InlineData("{{ marshal .service.hosts }}", """["http://b","http://a"]""")]
    [InlineData("{{ include \"rate.json\" }}", """{"max_rate": {{ not evaluated }}}""")]
    [InlineData("{{ env \"SERVICE_NAME\" }}", "orders")]
    [InlineData("{{ template \"backend.tmpl\" .service }}", """{"host": ["http://b"]}""")]
    [InlineData("{{ .missing }}", "<no value>")]
    [InlineData("{{ range $i, $h := .service.hosts }}{{ if $i }},{{ end }}{{ $h | quote }}{{ end }}", "\"http://b\",\"http://a\"")]
    [InlineData("{{ .service.hosts | sortAlpha | toJson }}", """["http://a","http://b"]""")]
    [InlineData("{{ add1 .service.port }}", "8081")]
    [InlineData("{{ keys .service | join \",\" }}", "cors,hosts,port,timeout")]
    [InlineData("{{ toJson .service.timeout }}|{{ .service.port | int | printf \"%05d\" }}", "1.5|08080")]
    [InlineData("{{ dict \"a\" .service.port | toPrettyJson }}", "{\n  \"a\": 8080\n}")]
    public void The_template_renders_as_krakend_renders_it(string template, string rendered)
    {
        var rendering = Render(template);

        rendering.Errors.Should().BeEmpty();
        rendering.Json.Should().Be(rendered);
    }

    [Theory]
    [InlineData("{{ fail \"no region\" }}", "krakend.tmpl:1:4", "error calling fail: no region")]
    [InlineData("{{ repeat .service.port \"x\" }}", "krakend.tmpl:1:11", "wrong type for value; expected int; got float64")]
    public void A_function_that_fails_names_the_position_of_the_call(string template, string position, string message)
    {
        var rendering = Render(template);

        rendering.Json.Should().BeNull();
        rendering.Errors.Should().ContainSingle().Which.Path.Should().Be(position);
        rendering.Errors[0].Message.Should().Contain(message);
    }

    [Fact]
    public void A_parse_error_in_a_sub_template_names_that_file()
    {
        Write("templates/broken.tmpl", "\n{{ if .x }}");

        var rendering = Render("{}");

        rendering.Json.Should().BeNull();
        rendering.Errors.Should().ContainSingle().Which.Path.Should().StartWith("broken.tmpl:");
    }

    [Fact]
    public void Settings_and_template_errors_are_all_reported_at_once()
    {
        Write("settings/bad.json", "[]");

        var rendering = Render("{{ nope }}");

        rendering.Errors.Select(e => e.ToString()).Should().BeEquivalentTo(
            $"{Path.Combine(_directory, "settings", "bad.json")}: a settings file must hold a JSON object",
            "krakend.tmpl:1:4: function \"nope\" not defined");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
