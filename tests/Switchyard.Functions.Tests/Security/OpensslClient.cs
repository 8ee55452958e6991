using System.Diagnostics;
using System.Globalization;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// Debian's <c>openssl s_client</c> as a TLS client that .NET cannot be: one that offers TLS 1.1 alone (security
/// level 0, so the client side of OpenSSL 3 does not refuse it by itself). Missing <c>openssl</c> fails the test.
/// </summary>
/// <remarks>
/// OpenSSL prints an alert the peer sent as <c>ssl3_read_bytes:tlsv1 alert protocol version</c> (it read it from the
/// connection), while a client that refuses by itself fails before sending anything (<c>no protocols available</c>).
/// </remarks>
internal static class OpensslClient
{
    /// <summary>What one <c>s_client</c> run printed, and its exit code.</summary>
    public sealed record Result(int ExitCode, string Output)
    {
        /// <summary>The protocol of the session, from <c>Protocol  : TLSv1.1</c>, or null without a session.</summary>
        public string? Protocol => Output.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("Protocol", StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }

    /// <summary>Connects to <paramref name="address"/> offering one version only (<c>-tls1_1</c>, <c>-tls1_2</c>), then closes.</summary>
    public static async Task<Result> ConnectAsync(Uri address, string versionOption)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "s_client", "-connect", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{address.Port}"),
            versionOption, "-cipher", "DEFAULT@SECLEVEL=0", "-servername", "localhost", "-brief",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output + await errors);
    }
}
