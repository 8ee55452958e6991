namespace Switchyard.Testing;

/// <summary>Placeholder; replaced by the real loopback server helper.</summary>
internal static class LoopbackServer;
