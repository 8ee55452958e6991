using System.Text;
using System.Text.Json;
using Switchyard.Templates;

namespace Switchyard.Core.Tests.Templates;

/// <summary>
/// A templated gateway configuration of a few hundred lines, in the shape KrakenD's flexible configuration takes
/// (settings ranged over, sub-templates per endpoint, printf, conditionals), renders to the JSON it describes, the same
/// every time. How long it takes is measured in bench/ (FlexibleConfigBenchmarks), not here.
/// </summary>
public sealed class LargeTemplateTests
{
    [Fact]
    public void A_configuration_template_of_hundreds_of_lines_renders_every_endpoint_and_renders_the_same_again()
    {
        var (template, settings) = Configuration(endpoints: 120);
        var set = new TemplateSet(TemplateFunctions.Builtins());
        set.Parse("krakend.tmpl", template);
        template.Split('\n').Length.Should().BeGreaterThan(100);

        var rendered = set.Render("krakend.tmpl", settings);
        using (var document = JsonDocument.Parse(rendered))
        {
            var root = document.RootElement;
            root.GetProperty("port").GetInt32().Should().Be(8080);
            root.GetProperty("endpoints").GetArrayLength().Should().Be(120);
            var third = root.GetProperty("endpoints")[3];
            third.GetProperty("endpoint").GetString().Should().Be("/api/v1/resource3");
            third.GetProperty("method").GetString().Should().Be("POST");
            third.GetProperty("input_headers")[1].GetString().Should().Be("X-Id-3");
            third.GetProperty("extra_config").EnumerateObject().Should().BeEmpty("resource3 has no cache");
            third.GetProperty("backend")[0].GetProperty("url_pattern").GetString().Should().Be("/r/3");
            third.GetProperty("backend")[0].GetProperty("host")[0].GetString().Should().Be("http://127.0.0.1:8003");
        }

        set.Render("krakend.tmpl", settings).Should().Be(rendered, "executing does not change the set, so a second render is the same");
    }

    private static (string Template, object? Settings) Configuration(int endpoints)
    {
        var list = new StringBuilder("[");
        for (var i = 0; i < endpoints; i++)
        {
            list.Append(i > 0 ? "," : "").Append(
                $$"""{"path":"/api/v1/resource{{i}}","method":"{{(i % 3 == 0 ? "POST" : "GET")}}","backend":"/r/{{i}}","hosts":["http://127.0.0.1:{{8000 + i % 5}}"],"cache":{{(i % 2 == 0 ? "true" : "false")}},"headers":["Authorization","X-Id-{{i}}"],"timeout":"{{i % 4 + 1}}s"}""");
        }
        list.Append(']');
        var settings = TemplateRun.Data($$"""{"service":{"name":"gateway","port":8080,"timeout":"3s"},"endpoints":{{list}}}""");
        var template = new StringBuilder();
        template.Append("""
            {{ define "backend" }}
                {
                  "url_pattern": "{{ .backend }}",
                  "method": "{{ .method }}",
                  "host": [
                    {{- range $i, $h := .hosts }}{{ if $i }},{{ end }}
                    "{{ $h }}"
                    {{- end }}
                  ],
                  "encoding": "json"
                }
            {{- end }}
            {{ define "endpoint" }}
              {
                "endpoint": "{{ .path }}",
                "method": "{{ .method }}",
                "timeout": "{{ .timeout }}",
                "input_headers": [
                  {{- range $i, $h := .headers }}{{ if $i }},{{ end }}"{{ $h }}"{{ end -}}
                ],
                {{- if .cache }}
                "extra_config": {"qos/http-cache": {"shared": true}},
                {{- else }}
                "extra_config": {},
                {{- end }}
                "backend": [
                  {{- template "backend" . }}
                ]
              }
            {{- end }}
            {
              "version": 3,
              "name": "{{ .service.name }}",
              "port": {{ .service.port }},
              "timeout": "{{ .service.timeout }}",
              "endpoints": [
                {{- range $index, $endpoint := .endpoints }}
                {{- if $index }},{{ end }}
                {{- template "endpoint" $endpoint }}
                {{- end }}
              ]
            }

            """);
        // Padding of the kind real templates carry: comments and conditional blocks that render nothing.
        for (var i = 0; i < 80; i++)
        {
            template.Append($"{{{{/* section {i}: settings notes */}}}}{{{{- if and (eq .service.name \"other{i}\") (gt (len .endpoints) {i}) }}}}{{{{ printf \"%d\" {i} }}}}{{{{- end }}}}\n");
        }
        return (template.ToString(), settings);
    }
}
