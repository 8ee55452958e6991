using System.Reflection;

namespace Switchyard.Functions.Hosting;

/// <summary>How the gateway names itself to backends and clients.</summary>
internal static class GatewayIdentity
{
    public static readonly string Version =
        typeof(GatewayIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>The <c>User-Agent</c> (or <c>X-Forwarded-Via</c>) sent to backends.</summary>
    public static readonly string UserAgent = "Switchyard Version " + Version;
}
