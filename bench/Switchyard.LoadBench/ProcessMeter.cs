namespace Switchyard.LoadBench;

/// <summary>
/// Measures a server around one recorded run: CPU time used and peak resident set (summed over its process tree).
/// </summary>
internal sealed class ProcessMeter
{
    private readonly IReadOnlyList<int> _pids;
    private readonly long _startTicks;

    private ProcessMeter(int root)
    {
        _pids = ProcessStats.Tree(root);
        ProcessStats.ResetPeakRss(_pids);
        _startTicks = ProcessStats.CpuTicks(_pids);
    }

    public static ProcessMeter Start(int root) => new(root);

    public ProcessUsage Stop(long requests)
    {
        var cpuSeconds = (ProcessStats.CpuTicks(_pids) - _startTicks) / (double)ProcessStats.ClockTicks.Value;
        return new ProcessUsage(
            requests > 0 ? cpuSeconds * 1e6 / requests : double.NaN,
            ProcessStats.PeakRssBytes(_pids) / (1024.0 * 1024.0));
    }
}

/// <summary>A server's cost over one run: CPU microseconds per completed request, and its peak resident set in MiB.</summary>
internal sealed record ProcessUsage(double CpuMicrosecondsPerRequest, double PeakRssMegabytes);
