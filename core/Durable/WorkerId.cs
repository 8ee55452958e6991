namespace Switchyard.Core.Durable;

/// <summary>
/// A process's name among a task hub's workers. The engine's default is the machine name, which two processes on one
/// host share, and then they take each other's partitions for their own: the process id and a random part make it
/// unique, and stable for the life of the process.
/// </summary>
internal static class WorkerId
{
    private static readonly string ThisProcess =
        $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public static string ForThisProcess() => ThisProcess;
}
