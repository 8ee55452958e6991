using Switchyard.Functions.Cli;

namespace Switchyard.Functions.Tests.Cli;

/// <summary>Runs <c>switchyard send</c> in the test's process and keeps what it wrote.</summary>
internal static class SendRun
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(SendRequest request)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exitCode = await SendCommand.SendAsync(request, output, errors, CancellationToken.None);
        return (exitCode, output.ToString(), errors.ToString());
    }
}
