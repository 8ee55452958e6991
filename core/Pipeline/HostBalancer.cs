namespace Switchyard.Core.Pipeline;

/// <summary>Picks a backend host per call, round robin (KrakenD's balancer with one core).</summary>
public sealed class HostBalancer
{
    private readonly string[] _hosts;
    private uint _next;

    public HostBalancer(IReadOnlyList<string> hosts)
    {
        if (hosts.Count == 0)
        {
            throw new ArgumentException("A backend needs at least one host.", nameof(hosts));
        }

        _hosts = [.. hosts];
    }

    public string Next() => _hosts.Length == 1 ? _hosts[0] : _hosts[Interlocked.Increment(ref _next) % (uint)_hosts.Length];
}
