using System.Net;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>The README's rate-limit example, served as written with only its backend moved to a real loopback one.</summary>
public sealed class ReadmeRateLimitExampleTests
{
    [Fact]
    public async Task The_example_gives_each_client_a_burst_of_ten_then_five_a_second()
    {
        var readme = RepositoryFiles.Read("README.md");
        var section = readme.IndexOf("### Rate limits\n", StringComparison.Ordinal);
        section.Should().BePositive("the README has a 'Rate limits' section");
        var start = readme.IndexOf("```json\n", section, StringComparison.Ordinal) + "```json\n".Length;
        var example = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        example.Should().Contain("http://orders.internal:8000");

        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var backend = await TestBackend.StartAsync();
        await using var gateway = await TestGateway.StartAsync(example.Replace("http://orders.internal:8000", backend.Host, StringComparison.Ordinal), clock);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await gateway.GetAnswerAsync("/orders")).Status);
        }

        statuses.Take(10).Should().AllSatisfy(status => status.Should().Be(HttpStatusCode.OK));
        statuses[10].Should().Be(HttpStatusCode.TooManyRequests);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        (await gateway.GetAnswerAsync("/orders")).Status.Should().Be(HttpStatusCode.OK, "5 a second: one every 200 ms");
        backend.Received.Should().HaveCount(11);
    }
}
