using System.Text.Json;
using Switchyard.Core.FanOut;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.FanOut;

/// <summary>What the integration tests share: a subscription on its own exchange and queue, a runner, the events the API accepted.</summary>
internal static class FanOutHarness
{
    private static int _next;

    /// <summary>A subscription with an exchange and a queue no other test uses.</summary>
    public static Subscription Subscription(Uri broker, string apiHost, int batchMax = 1000, int sizeMb = 1)
    {
        var id = Interlocked.Increment(ref _next);
        return new Subscription
        {
            Broker = broker.ToString(),
            Exchange = $"celeryev.test{id}",
            Queue = $"fanout.test{id}",
            AppName = "shop",
            AppEnv = new string((char)('a' + (id % 26)), 3),
            ApiUrl = new Uri(apiHost),
            BatchMaxNumberOfMessages = batchMax,
            BatchMaxSizeInMb = sizeMb,
        };
    }

    /// <summary>The <c>n</c> field of every event in the bodies of the requests <paramref name="accepted"/> selects.</summary>
    public static List<int> EventNumbers(IEnumerable<ReceivedRequest> accepted) =>
        [.. accepted.SelectMany(request => JsonDocument.Parse(request.Body).RootElement.EnumerateArray())
            .Select(item => item.GetProperty("n").GetInt32())];

    public static async Task<FanOutSubscriptionRunner> StartAsync(Subscription subscription, HttpClient http)
    {
        var runner = new FanOutSubscriptionRunner(subscription, new EventApiClient(http, TimeSpan.FromSeconds(5)));
        await runner.StartAsync();
        await Agents.Eventually.HoldsAsync(() => runner.Status().Connected, TimeSpan.FromSeconds(20), "the runner connected");
        return runner;
    }
}
