namespace Switchyard.LoadBench;

/// <summary>Which latencies a wrk run reports.</summary>
internal enum LatencyKind
{
    /// <summary>
    /// wrk's own statistics (<c>summary.lua</c>, <c>-t2</c>): corrected for coordinated omission, that is with extra
    /// samples for the requests a constant-rate client would have sent during each response slower than twice the mean
    /// interval. Cheap at any rate; what the scenario matrix uses.
    /// </summary>
    WrkCorrected,

    /// <summary>
    /// Every request's own latency (<c>per-request.lua</c>, one connection per wrk thread). Costs wrk CPU per request,
    /// so only for the low-rate concurrent-calls runs, where the correction would invent latencies no request had.
    /// </summary>
    PerRequest,
}
