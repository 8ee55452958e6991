using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Telemetry.Logging;

/// <summary>
/// <c>telemetry/logging</c> as the gateway process writes it: the level filters, the prefix starts default lines, the
/// logstash format writes one JSON object per line, the custom format fills its verbs, and stdout chooses the stream.
/// </summary>
public sealed partial class GatewayLoggingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    // A debug line (the debug endpoint's) and a warning (the backend that refuses the connection).
    private static async Task<TelemetryGateway> StartAndLogAsync(string logging)
    {
        var configuration = TelemetryGateway.Configuration(ClosedPort.Host(), telemetry: null, $$"""
            "telemetry/logging": {{logging}}
            """).Replace("\"version\": 3,", "\"version\": 3, \"debug_endpoint\": true,", StringComparison.Ordinal);
        var gateway = await TelemetryGateway.StartAsync(configuration);
        (await gateway.Client.GetAsync("__debug/x")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await gateway.Client.GetAsync("users/1")).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        return gateway;
    }

    private static async Task<IReadOnlyList<string>> WaitForLineAsync(Func<IReadOnlyList<string>> lines, string text)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!lines().Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No line with '{text}' within {Wait.TotalSeconds} s:\n{string.Join('\n', lines())}");
            }

            await Task.Delay(50);
        }

        return lines();
    }

    [Fact]
    public async Task Default_lines_start_with_the_prefix_and_debug_lets_everything_through()
    {
        await using var gateway = await StartAndLogAsync("""{"level": "debug", "prefix": "[GW]", "stdout": true}""");

        var lines = await WaitForLineAsync(() => gateway.Process.StandardOutput, "Connection refused");

        lines.Should().OnlyContain(line => DefaultLine().IsMatch(line), "every line is '[GW] <time> ▶ LEVEL message'");
        lines.Should().Contain(line => line.Contains("▶ DEBUG [ENDPOINT: /__debug/*] GET /__debug/x", StringComparison.Ordinal));
        lines.Should().Contain(line => line.Contains("▶ INFO Now listening on", StringComparison.Ordinal));
        lines.Should().Contain(line => line.Contains("▶ WARNIN [ENDPOINT: /users/{id}] Connection refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_level_filters_what_is_below_it()
    {
        await using var gateway = await StartAndLogAsync("""{"level": "WARNING", "stdout": true}""");

        var lines = await WaitForLineAsync(() => gateway.Process.StandardOutput, "Connection refused");

        lines.Should().NotContain(line => line.Contains("▶ DEBUG", StringComparison.Ordinal) || line.Contains("▶ INFO", StringComparison.Ordinal));
        lines.Should().ContainSingle(line => line.Contains("▶ WARNIN [ENDPOINT: /users/{id}]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logstash_writes_one_JSON_object_per_line_without_the_prefix()
    {
        await using var gateway = await StartAndLogAsync("""{"level": "INFO", "prefix": "[GW]", "format": "logstash", "stdout": true}""");

        var lines = await WaitForLineAsync(() => gateway.Process.StandardOutput, "Connection refused");

        var records = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        records.Should().OnlyContain(record => record.ValueKind == JsonValueKind.Object
            && record.GetProperty("@version").GetInt32() == 1
            && IsTimestamp(record.GetProperty("@timestamp").GetString())
            && record.GetProperty("level").GetString()!.Length > 0
            && record.GetProperty("module").GetString()!.Length > 0);
        var warning = records.Single(record => record.GetProperty("level").GetString() == "WARNING");
        warning.GetProperty("module").GetString().Should().Be("Switchyard.Endpoints");
        warning.GetProperty("message").GetString().Should().StartWith("[ENDPOINT: /users/{id}] Connection refused");
        records.Should().NotContain(record => record.GetProperty("level").GetString() == "DEBUG");
        lines.Should().NotContain(line => line.Contains("[GW]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Custom_fills_its_verbs_and_without_stdout_the_lines_go_to_standard_error()
    {
        await using var gateway = await StartAndLogAsync(
            """{"level": "WARNING", "format": "custom", "custom_format": "%{level}|%{module}|%{message}"}""");

        var output = await WaitForLineAsync(() => gateway.Process.Output.Split('\n'), "Connection refused");

        output.Should().Contain(line => line.StartsWith("WARNING|Switchyard.Endpoints|[ENDPOINT: /users/{id}] Connection refused", StringComparison.Ordinal));
        gateway.Process.StandardOutput.Should().BeEmpty();
    }

    private static bool IsTimestamp(string? text) => DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^\[GW\] \d{4}/\d\d/\d\d - \d\d:\d\d:\d\d\.\d{3} ▶ (DEBUG|INFO|WARNIN|ERROR|CRITIC) ")]
    private static partial Regex DefaultLine();
}
