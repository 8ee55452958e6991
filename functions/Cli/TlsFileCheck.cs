using Switchyard.Core.Configuration;
using Switchyard.Core.Security.Tls;

namespace Switchyard.Functions.Cli;

/// <summary>
/// Reads the TLS files of a loaded configuration and folds their problems into the load's result, so <c>check</c>,
/// <c>run</c> and <c>package</c> report a missing certificate like any other error, with its JSON path.
/// </summary>
internal static class TlsFileCheck
{
    /// <summary>
    /// The result, with the TLS files' errors added (and no configuration) when any is wrong, and the loaded files when
    /// none is (null when the configuration did not load).
    /// </summary>
    /// <param name="result">The configuration's load.</param>
    /// <param name="serveHttps">Whether the files of <c>tls</c> are read too (not under the Functions host).</param>
    /// <param name="baseDirectory">Where relative paths start; the working directory by default, as in KrakenD.</param>
    public static (ConfigLoadResult Result, TlsSetup? Tls) Apply(ConfigLoadResult result, bool serveHttps, string? baseDirectory = null)
    {
        if (result.Config is not { } config)
        {
            return (result, null);
        }

        var tls = TlsSetup.Load(config, serveHttps, baseDirectory);
        return tls.Errors.Count == 0
            ? (result, tls)
            : (result with { Config = null, Errors = [.. result.Errors, .. tls.Errors] }, null);
    }
}
