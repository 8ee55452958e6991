namespace Switchyard.Core.Tests;

/// <summary>
/// Tests that assert elapsed time (concurrency shown by wall-clock bounds) run in this collection: xunit runs it on its
/// own, after the parallel ones, so brokers, workers and other tests starting beside them cannot stretch their clocks.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing (runs alone)";
}
