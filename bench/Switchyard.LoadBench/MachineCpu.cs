using System.Globalization;

namespace Switchyard.LoadBench;

/// <summary>
/// The whole machine's CPU time from <c>/proc/stat</c>'s first line, in seconds: busy (user, nice, system, irq, softirq)
/// and idle (idle, iowait). Steal — time the hypervisor gave to others — is neither: it is not this machine's work.
/// </summary>
internal readonly record struct MachineCpu(double BusySeconds, double IdleSeconds)
{
    public static MachineCpu Now()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        double ticks = ProcessStats.ClockTicks.Value;
        return new MachineCpu((fields[0] + fields[1] + fields[2] + fields[5] + fields[6]) / ticks, (fields[3] + fields[4]) / ticks);
    }

    public static MachineCpu operator -(MachineCpu after, MachineCpu before) =>
        new(after.BusySeconds - before.BusySeconds, after.IdleSeconds - before.IdleSeconds);

    /// <summary>The busy share of the time measured.</summary>
    public double BusyShare => BusySeconds / (BusySeconds + IdleSeconds);
}
