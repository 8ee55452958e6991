using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class TelemetryExporterNamesValidatorTests
{
    [Fact]
    public void Exporter_names_are_unique_across_both_lists()
    {
        LoadErrors("""
            {"version": 3, "extra_config": {"telemetry/opentelemetry":
              {"exporters": {"otlp": [{"name": "a"}, {"name": "b"}], "prometheus": [{"name": "c"}, {"name": "a"}]}}}}
            """).Should().Equal(
            "extra_config.telemetry/opentelemetry.exporters.prometheus[1].name: exporter name 'a' is already used by another exporter");
    }

    [Fact]
    public void Different_names_are_valid()
    {
        LoadValid("""
            {"version": 3, "extra_config": {"telemetry/opentelemetry":
              {"exporters": {"otlp": [{"name": "a"}, {"name": "b"}], "prometheus": [{"name": "c"}]}}}}
            """).OpenTelemetry!.Prometheus.Should().ContainSingle();
    }
}
