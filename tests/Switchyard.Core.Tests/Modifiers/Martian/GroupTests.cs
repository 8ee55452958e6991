using Switchyard.Core.Modifiers.Martian;
using static Switchyard.Core.Tests.Modifiers.Martian.MartianFixture;

namespace Switchyard.Core.Tests.Modifiers.Martian;

public sealed class GroupTests
{
    [Fact]
    public void Fifo_Group_runs_in_the_written_order()
    {
        var request = Parse("""
            {"fifo.Group": {"modifiers": [
              {"header.Modifier": {"name": "X-A", "value": "1"}},
              {"header.Append": {"name": "X-A", "value": "2"}},
              {"header.Copy": {"from": "X-A", "to": "X-B"}}]}}
            """).ModifyRequest(Request());

        request.Values("X-A").Should().Equal("1", "2");
        request.Values("X-B").Should().Equal("1");
    }

    [Fact]
    public void Fifo_Group_puts_each_child_in_its_own_scopes()
    {
        var modifier = Parse("""
            {"fifo.Group": {"modifiers": [
              {"header.Modifier": {"scope": ["request"], "name": "X-Req", "value": "1"}},
              {"header.Modifier": {"scope": ["response"], "name": "X-Res", "value": "1"}}]}}
            """);

        var request = modifier.ModifyRequest(Request());
        var response = modifier.ModifyResponse(Response());

        request.Values("X-Req").Should().Equal("1");
        request.Values("X-Res").Should().BeEmpty();
        response.Values("X-Res").Should().Equal("1");
        response.Values("X-Req").Should().BeEmpty();
    }

    [Fact]
    public void A_group_scope_leaves_out_the_scopes_of_its_children()
    {
        var modifier = Parse("""{"fifo.Group": {"scope": ["request"], "modifiers": [{"header.Modifier": {"name": "X-A", "value": "1"}}]}}""");

        modifier.Response.Should().BeNull();
    }

    [Fact]
    public void Fifo_Group_stops_at_the_first_error_unless_it_aggregates_them()
    {
        const string Failing = """{"body.Modifier": {"scope": ["response"], "body": "YQ=="}}""";
        var stopping = Parse($$$"""{"fifo.Group": {"modifiers": [{{{Failing}}}, {"header.Modifier": {"name": "X-A", "value": "1"}}, {{{Failing}}}]}}""");
        var aggregating = Parse($$$"""
            {"fifo.Group": {"aggregateErrors": true, "modifiers": [{{{Failing}}}, {"header.Modifier": {"name": "X-A", "value": "1"}}, {{{Failing}}}]}}
            """);

        var first = BadRange();
        var stop = () => stopping.ModifyResponse(first);
        stop.Should().Throw<MartianModifierException>().WithMessage("body.Modifier: invalid range number \"x\"");
        first.Values("X-A").Should().BeEmpty();

        var all = BadRange();
        var aggregate = () => aggregating.ModifyResponse(all);
        aggregate.Should().Throw<MartianModifierException>()
            .Which.Message.Should().Be("body.Modifier: invalid range number \"x\"\nbody.Modifier: invalid range number \"x\"");
        all.Values("X-A").Should().Equal("1");
    }

    [Fact]
    public void Priority_Group_runs_the_highest_priority_first_and_the_later_of_equals_first()
    {
        var request = Parse("""
            {"priority.Group": {"modifiers": [
              {"priority": 0, "modifier": {"header.Append": {"name": "X-Order", "value": "zero"}}},
              {"priority": 100, "modifier": {"header.Append": {"name": "X-Order", "value": "hundred"}}},
              {"priority": 5, "modifier": {"header.Append": {"name": "X-Order", "value": "five-first"}}},
              {"priority": 5, "modifier": {"header.Append": {"name": "X-Order", "value": "five-second"}}}]}}
            """).ModifyRequest(Request());

        request.Values("X-Order").Should().Equal("hundred", "five-second", "five-first", "zero");
    }

    private static HttpResponseMessage BadRange()
    {
        var request = Request();
        request.Headers.TryAddWithoutValidation("Range", "bytes=x-1");
        return Response(request);
    }
}
