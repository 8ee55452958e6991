using System.Runtime.CompilerServices;
using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;

namespace Switchyard.Functions.Durable;

/// <summary>
/// Why a Native AOT build of Switchyard cannot run durable pipes. The Durable Task engine (DurableTask.Core and
/// DurableTask.AzureStorage) serializes its messages with Newtonsoft.Json, by reflection and with type names, and
/// creates orchestrations and activities by type: the AOT compiler reports that code as unsafe (IL2104, IL3053). Every
/// path into the engine is guarded by <see cref="RuntimeFeature.IsDynamicCodeSupported"/>, which the AOT compiler knows
/// to be false, so the engine is left out of the AOT binary, and a configuration with a durable pipe is refused when it
/// loads. <c>switchyard package</c> publishes such a configuration ReadyToRun instead.
/// </summary>
internal static class NativeAotDurable
{
    public const string Reason = "the durable engine (Durable Task, with Newtonsoft.Json type-name serialization) needs "
        + "reflection and run-time code generation, which a Native AOT build does not have";

    /// <summary>The refusal of something that needs the durable engine by an AOT binary.</summary>
    public static string Refusal(string what) =>
        $"{what} needs the durable engine, and this switchyard is a Native AOT build: {Reason}; run it with a ReadyToRun "
        + "or JIT build (switchyard package publishes ReadyToRun for a configuration with durable pipes)";

    /// <summary>
    /// <paramref name="result"/>, refused (no configuration, one more error at the first durable pipe) when this is a
    /// Native AOT build and the configuration has a durable pipe.
    /// </summary>
    public static ConfigLoadResult Refuse(ConfigLoadResult result) =>
        !RuntimeFeature.IsDynamicCodeSupported && result.Config is { } config && new DurablePipes(config).Paths.FirstOrDefault() is { } path
            ? result with { Config = null, Errors = [.. result.Errors, new ConfigProblem(path, Refusal("a durable pipe"))] }
            : result;
}
