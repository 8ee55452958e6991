namespace Switchyard.Functions.Packaging;

/// <summary>How <c>switchyard package</c> compiles the executable it publishes (<c>--runtime</c>).</summary>
internal enum AppRuntime
{
    /// <summary>
    /// Native AOT (<c>--runtime aot</c>, the default): one native executable, no JIT at start, the smallest memory.
    /// Not for a configuration with durable pipes (see <see cref="Durable.NativeAotDurable"/>).
    /// </summary>
    NativeAot,

    /// <summary>ReadyToRun (<c>--runtime r2r</c>): precompiled assemblies on the self-contained .NET runtime, with the JIT.</summary>
    ReadyToRun,
}
