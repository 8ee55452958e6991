namespace Switchyard.LoadBench;

/// <summary>One recorded wrk run of a row at one connection count, with what the server used meanwhile.</summary>
/// <param name="Problem">What the check before the run found wrong with the row's answer, if anything.</param>
internal sealed record Measurement(Subject Subject, int Connections, WrkResult Wrk, ProcessUsage Usage, string? Problem)
{
    public bool Failed => Problem is not null || Wrk.HasErrors;
}
