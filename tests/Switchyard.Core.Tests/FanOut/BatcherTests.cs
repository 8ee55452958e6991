using System.Text.Json;
using Switchyard.Core.FanOut;

namespace Switchyard.Core.Tests.FanOut;

public sealed class BatcherTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private readonly TimerTimeProvider _time = new();
    private readonly List<EventBatch> _flushed = [];
    private readonly Batcher _batcher;
    private ulong _tag;

    public BatcherTests() => _batcher = new Batcher(maxEvents: 3, maxBytes: 1000, Window, _time, _flushed.Add);

    [Fact]
    public void A_batch_flushes_when_it_reaches_the_event_count()
    {
        Add(events: 1);
        Add(events: 1);
        _flushed.Should().BeEmpty();

        Add(events: 1);

        _flushed.Should().ContainSingle().Which.Reason.Should().Be(FlushReason.Count);
        _flushed[0].Entries.Select(entry => entry.DeliveryTag).Should().Equal(1UL, 2UL, 3UL);
        _batcher.PendingEvents.Should().Be(0);
    }

    [Fact]
    public void Events_of_an_array_message_count_one_by_one()
    {
        Add(events: 3);

        _flushed.Should().ContainSingle().Which.EventCount.Should().Be(3);
    }

    [Fact]
    public void A_batch_flushes_when_its_payload_bytes_reach_the_size_limit()
    {
        Add(events: 1, bytes: 600);
        _flushed.Should().BeEmpty();
        _batcher.PendingBytes.Should().Be(600);

        Add(events: 1, bytes: 400);

        _flushed.Should().ContainSingle().Which.Reason.Should().Be(FlushReason.Size);
        _flushed[0].Bytes.Should().Be(1000);
    }

    [Fact]
    public void An_idle_batch_flushes_when_the_window_ends_with_no_further_message()
    {
        Add(events: 1);
        _time.Advance(TimeSpan.FromSeconds(4));
        Add(events: 1);
        _flushed.Should().BeEmpty();

        _time.Advance(TimeSpan.FromSeconds(1));

        _flushed.Should().ContainSingle().Which.Reason.Should().Be(FlushReason.Window);
        _flushed[0].EventCount.Should().Be(2);
    }

    [Fact]
    public void The_window_starts_with_the_first_message_of_each_batch()
    {
        Add(events: 3);
        _time.Advance(TimeSpan.FromSeconds(3));
        Add(events: 1);

        _time.Advance(TimeSpan.FromSeconds(4));
        _flushed.Should().ContainSingle("the second batch started 4 s ago");

        _time.Advance(TimeSpan.FromSeconds(1));
        _flushed.Should().HaveCount(2);
        _flushed[1].Reason.Should().Be(FlushReason.Window);
    }

    [Fact]
    public void An_empty_batcher_never_flushes()
    {
        _time.Advance(TimeSpan.FromMinutes(1));

        _flushed.Should().BeEmpty();
        _batcher.Drain().Should().BeNull();
    }

    [Fact]
    public void Drain_cuts_what_is_waiting()
    {
        Add(events: 2);

        var drained = _batcher.Drain();

        drained!.Reason.Should().Be(FlushReason.Stop);
        drained.EventCount.Should().Be(2);
        _time.Advance(Window);
        _flushed.Should().BeEmpty();
    }

    [Fact]
    public void The_batch_body_is_a_json_array_of_every_event_in_order()
    {
        Add(events: 2);
        Add(events: 1);

        JsonDocument.Parse(_flushed[0].ToJson()).RootElement.EnumerateArray().Select(item => item.GetProperty("n").GetString())
            .Should().Equal("1.0", "1.1", "2.0");
    }

    public void Dispose() => _batcher.Dispose();

    private void Add(int events, int bytes = 10)
    {
        var tag = ++_tag;
        var items = Enumerable.Range(0, events)
            .Select(index => JsonDocument.Parse($$"""{"n":"{{tag}}.{{index}}"}""").RootElement.Clone())
            .ToList();
        _batcher.Add(new BatchEntry(tag, bytes, items));
    }
}
