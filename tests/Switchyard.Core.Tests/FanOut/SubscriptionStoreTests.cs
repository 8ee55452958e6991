using Switchyard.Core.FanOut;

namespace Switchyard.Core.Tests.FanOut;

public sealed class SubscriptionStoreTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("switchyard-fanout-store-");

    [Fact]
    public async Task Saved_subscriptions_load_back_unchanged()
    {
        var store = new SubscriptionStore(Path.Combine(_directory.FullName, "conf", "subscriptions.json"));
        var saved = SubscriptionParser.ParseArray("""
            [{"broker":"amqp://u:p@mq//","app_name":"shop","app_env":"prod","api_url":"http://api:5000/leek","prefetch_count":2000,
              "batch_max_number_of_messages":1500,"event_ttl_seconds":60,"accepted_statuses":[200,201]}]
            """);

        await store.SaveAsync(saved);

        store.Load().Should().BeEquivalentTo(saved);
    }

    [Fact]
    public void A_missing_file_holds_no_subscriptions()
    {
        new SubscriptionStore(Path.Combine(_directory.FullName, "none.json")).Load().Should().BeEmpty();
    }

    [Fact]
    public async Task A_leftover_temporary_file_from_a_crash_never_corrupts_the_real_one()
    {
        var path = Path.Combine(_directory.FullName, "subscriptions.json");
        var store = new SubscriptionStore(path);
        var saved = SubscriptionParser.ParseArray("""[{"broker":"amqp://mq//","app_name":"shop","app_env":"qa","api_url":"http://api"}]""");
        await store.SaveAsync(saved);

        // A crash in the middle of a save: a half-written temporary file next to the real one.
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, ".subscriptions.json.0123.tmp"), """[{"broker":"amq""");
        store.Load().Should().BeEquivalentTo(saved);

        await store.SaveAsync([]);
        store.Load().Should().BeEmpty();
        Directory.GetFiles(_directory.FullName, "*.tmp").Should().ContainSingle("only the crash's leftover remains; saves clean up");
    }

    [Fact]
    public async Task Errors_in_the_file_name_the_file_and_the_field()
    {
        var path = Path.Combine(_directory.FullName, "subscriptions.json");
        await File.WriteAllTextAsync(path, """[{"broker":"amqp://mq//","app_name":"shop","app_env":"qa","api_url":"http://api","queue":5}]""");

        var load = () => new SubscriptionStore(path).Load();

        load.Should().Throw<SubscriptionException>().Which.Errors.Should().Equal($"{path}: subscriptions[0].queue: must be a non-empty string, got 5");
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
