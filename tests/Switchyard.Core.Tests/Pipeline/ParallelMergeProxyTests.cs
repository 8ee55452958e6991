using Switchyard.Core.Pipeline;
using static Switchyard.Core.Tests.Pipeline.Stubs;

namespace Switchyard.Core.Tests.Pipeline;

public sealed class ParallelMergeProxyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task All_parts_ok_gives_a_complete_shallow_merge_in_arrival_order()
    {
        var merge = ParallelMergeProxy.Create(Timeout,
        [
            Answer("""{"a":1,"shared":"slow"}""", TimeSpan.FromMilliseconds(150)),
            Answer("""{"b":2,"shared":"fast"}"""),
        ]);

        var response = await merge(new ProxyRequest(), default);

        response.IsComplete.Should().BeTrue();
        response.Error.Should().BeNull();
        response.Data!.ToJsonString().Should().Be("""{"b":2,"shared":"slow","a":1}""");
    }

    [Fact]
    public async Task A_failed_part_gives_partial_data_incomplete_and_the_error()
    {
        var merge = ParallelMergeProxy.Create(Timeout, [Answer("""{"a":1}"""), Fail("boom")]);

        var response = await merge(new ProxyRequest(), default);

        response.Data!.ToJsonString().Should().Be("""{"a":1}""");
        response.IsComplete.Should().BeFalse();
        response.Error!.Message.Should().Be("boom");
    }

    [Fact]
    public async Task No_part_ok_gives_no_response_and_every_error()
    {
        var merge = ParallelMergeProxy.Create(Timeout, [Fail("one"), Fail("two", TimeSpan.FromMilliseconds(50))]);

        var response = await merge(new ProxyRequest(), default);

        response.IsEmpty.Should().BeTrue();
        response.Error!.Message.Should().Be("one\ntwo");
    }

    [Fact]
    public async Task A_part_later_than_85_percent_of_the_timeout_is_a_deadline_error()
    {
        var merge = ParallelMergeProxy.Create(TimeSpan.FromMilliseconds(400),
        [
            Answer("""{"a":1}"""),
            Answer("""{"late":true}""", TimeSpan.FromSeconds(5)),
        ]);

        var started = DateTimeOffset.UtcNow;
        var response = await merge(new ProxyRequest(), default);

        (DateTimeOffset.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(2));
        response.Data!.ToJsonString().Should().Be("""{"a":1}""");
        response.IsComplete.Should().BeFalse();
        response.Error!.Message.Should().Be("context deadline exceeded");
    }

    [Fact]
    public async Task An_incomplete_part_makes_the_merge_incomplete_without_error()
    {
        var merge = ParallelMergeProxy.Create(Timeout, [Answer("""{"a":1}"""), Incomplete("""{"b":2}""")]);

        var response = await merge(new ProxyRequest(), default);

        response.IsComplete.Should().BeFalse();
        response.Error.Should().BeNull();
        response.Data!.Should().HaveCount(2);
    }
}
