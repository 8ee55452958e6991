namespace Switchyard.AgentBench;

/// <summary>Runs a cleanup at the end of a <c>using</c> scope (for fixtures whose teardown is a method, not IAsyncDisposable).</summary>
internal sealed class AsyncDisposal(Func<Task> dispose) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await dispose().ConfigureAwait(false);
}
