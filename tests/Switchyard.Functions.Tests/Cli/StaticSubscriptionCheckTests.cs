using System.Diagnostics;
using Switchyard.Functions.Tests.Agents;

namespace Switchyard.Functions.Tests.Cli;

/// <summary>
/// Static fan-out subscriptions are configuration: the real <c>switchyard</c> executable's <c>check</c> validates them
/// and <c>run</c> refuses to start on a bad one, with the field's path, exit code 1 and no stack trace.
/// </summary>
public sealed class StaticSubscriptionCheckTests : IDisposable
{
    private const string Valid = """{"broker":"redis://:hunter2@127.0.0.1:6379/0","app_name":"shop","app_env":"prod","api_url":"http://127.0.0.1:5000"}""";

    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-static-subscriptions-").FullName;

    [Theory]
    [InlineData("SWITCHYARD_SUBSCRIPTIONS")]
    [InlineData("LEEK_AGENT_SUBSCRIPTIONS")]
    public async Task Check_reports_a_bad_static_subscription_with_its_path_and_exits_1(string variable)
    {
        var bad = Valid.Replace("redis://:hunter2@127.0.0.1:6379/0", "redis://:hunter2@127.0.0.1/first", StringComparison.Ordinal)
            .Replace("}", ""","prefetch_count":5}""", StringComparison.Ordinal);

        var (exitCode, output) = await RunAsync(variable, $"[{Valid.Replace("prod", "test", StringComparison.Ordinal)},{bad}]", "check");

        exitCode.Should().Be(1, output);
        output.Should().Contain($"error: {variable}: subscriptions[1].broker: the path must be a database number, got '/first', got 'redis://:**@127.0.0.1/first'");
        output.Should().Contain($"error: {variable}: subscriptions[1].prefetch_count: must be between 1000 and 10000, got 5");
        output.Should().Contain("2 errors").And.NotContain("hunter2").And.NotContain("   at ");
    }

    [Fact]
    public async Task Run_refuses_to_start_on_a_bad_static_subscription_without_a_stack_trace()
    {
        var (exitCode, output) = await RunAsync("SWITCHYARD_SUBSCRIPTIONS", """[{"broker":"redis://127.0.0.1/0","app_name":"Shop","app_env":"prod","api_url":"http://127.0.0.1:5000"}]""", "run", "--port", "0");

        exitCode.Should().Be(1, output);
        output.Should().Contain("error: SWITCHYARD_SUBSCRIPTIONS: subscriptions[0].app_name: must be lowercase letters only (a-z), got 'Shop'");
        output.Should().NotContain("Unhandled exception").And.NotContain("SubscriptionException").And.NotContain("   at ");
    }

    [Fact]
    public async Task Check_accepts_a_valid_redis_subscription()
    {
        var (exitCode, output) = await RunAsync("SWITCHYARD_SUBSCRIPTIONS", $"[{Valid}]", "check");

        exitCode.Should().Be(0, output);
        output.Should().Contain("the configuration is valid");
    }

    /// <summary>Runs <c>dotnet switchyard.dll ARGS -c FILE</c> with only <paramref name="variable"/> of the two subscription variables set.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(string variable, string subscriptions, params string[] arguments)
    {
        var config = Path.Combine(_directory, "krakend.json");
        await File.WriteAllTextAsync(config, """{"version": 3, "endpoints": []}""");
        var start = new ProcessStartInfo(GatewayProcess.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        start.ArgumentList.Add(GatewayProcess.FindExecutable());
        foreach (var argument in arguments.Concat(["-c", config]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("SWITCHYARD_SUBSCRIPTIONS");
        start.Environment.Remove("LEEK_AGENT_SUBSCRIPTIONS");
        start.Environment[variable] = subscriptions;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start switchyard.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"switchyard {string.Join(' ', arguments)} did not end within 60 s:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
