namespace Switchyard.LoadBench;

/// <summary>
/// The gateway's resident set when idle: after it started and served ten warm-up requests across its endpoints,
/// then sat idle for 3 s.
/// </summary>
internal static class IdleWorkingSet
{
    private const int WarmupRequests = 10;

    public static async Task<double> MeasureMegabytesAsync(ChildProcess gateway, Uri gatewayUrl, CancellationToken cancellationToken)
    {
        string[] endpoints = [GatewayConfig.PassNoOp, GatewayConfig.PassJson, GatewayConfig.Aggregate, GatewayConfig.Chain, GatewayConfig.Workflow];
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        for (var i = 0; i < WarmupRequests; i++)
        {
            using var response = await client.GetAsync(new Uri(gatewayUrl, endpoints[i % endpoints.Length]), cancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        return ProcessStats.RssBytes(gateway.Id) / (1024.0 * 1024.0);
    }
}
