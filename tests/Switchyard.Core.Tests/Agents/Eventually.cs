namespace Switchyard.Core.Tests.Agents;

/// <summary>Waits for a condition that background work makes true, failing the test when it does not come in time.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan? within = null, string what = "the condition")
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "{0} should hold in time", what);
            await Task.Delay(10);
        }
    }
}
