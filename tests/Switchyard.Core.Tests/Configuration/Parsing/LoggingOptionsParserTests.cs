using Switchyard.Core.Telemetry.Logging;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class LoggingOptionsParserTests
{
    private const string NamespacePath = "extra_config.telemetry/logging";

    private static string ServiceWith(string logging) =>
        $$$"""{"version": 3, "extra_config": {"telemetry/logging": {{{logging}}}}}""";

    [Fact]
    public void Without_the_namespace_the_defaults_apply()
    {
        LoadValid("""{"version": 3}""").Logging.Should().BeNull();
    }

    [Fact]
    public void Every_field_is_read_and_the_level_is_case_insensitive()
    {
        LoadValid(ServiceWith("""{"level": "warning", "prefix": "[GW]", "stdout": true, "syslog": false}""")).Logging.Should().BeEquivalentTo(
            new LoggingOptions { Level = "WARNING", Prefix = "[GW]", Stdout = true });
        LoadValid(ServiceWith("""{"level": "INFO", "format": "custom", "custom_format": "%{time} %{level} [%{module}] %{message}"}"""))
            .Logging.Should().BeEquivalentTo(new LoggingOptions
            {
                Level = "INFO", Format = "custom", CustomFormat = "%{time} %{level} [%{module}] %{message}",
            });
        LoadValid(ServiceWith("""{"level": "CRITICAL", "format": "logstash"}""")).Logging!.Format.Should().Be("logstash");
    }

    [Fact]
    public void The_old_namespace_name_is_read()
    {
        LoadValid("""{"version": 3, "extra_config": {"github_com/devopsfaith/krakend-gologging": {"level": "ERROR"}}}""")
            .Logging!.Level.Should().Be("ERROR");
    }

    [Theory]
    [InlineData("""{"stdout": true}""", ".level: 'level' is required: one of DEBUG, INFO, WARNING, ERROR, CRITICAL")]
    [InlineData("""{"level": "TRACE"}""", ".level: expected one of DEBUG, INFO, WARNING, ERROR, CRITICAL, got \"TRACE\"")]
    [InlineData("""{"level": "INFO", "format": "json"}""", ".format: expected one of default, logstash, custom, got \"json\"")]
    [InlineData("""{"level": "INFO", "format": "custom"}""", ".custom_format: 'custom_format' is required with \"format\": \"custom\"")]
    [InlineData("""{"level": "INFO", "custom_format": "%{message}"}""", ".custom_format: 'custom_format' is only read with \"format\": \"custom\"")]
    [InlineData("""{"level": "INFO", "format": "custom", "custom_format": "%{pid} %{message}"}""", ".custom_format: verb %{pid} is not served; use %{message}, %{level}, %{time}, %{module}")]
    [InlineData("""{"level": "INFO", "format": "custom", "custom_format": "%{message"}""", ".custom_format: '%{' at 0 is not closed")]
    [InlineData("""{"level": "INFO", "access_log_format": "x"}""", ".access_log_format: unknown key 'access_log_format': refused, because Switchyard would log differently from what it asks for")]
    [InlineData("""{"level": "INFO", "syslog": true, "syslog_facility": "local3"}""", ".syslog: syslog output is not served by Switchyard: refused, because the platform (Functions host, container) collects standard output and has no syslog daemon, so the lines would be lost; use \"stdout\": true")]
    public void Bad_values_and_unknown_keys_are_errors_with_their_path(string logging, string error)
    {
        LoadErrors(ServiceWith(logging)).Should().Equal(NamespacePath + error);
    }

    [Fact]
    public void The_namespace_is_served_on_the_service_only()
    {
        LoadWarnings(ServiceWithEndpoint("""
            "extra_config": {"telemetry/logging": {"level": "INFO"}}
            """)).Should().ContainSingle().Which.Should().Contain("'telemetry/logging' (log level and format)");
    }
}
