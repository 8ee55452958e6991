using Switchyard.Core.Pipeline.Formatting;

namespace Switchyard.Core.Tests.Pipeline.Formatting;

public sealed class DataPathTests
{
    private const string Order = "{'order':{'customer':{'name':'Ada','tags':['a','b']},'lines':[{'sku':'x1'}],'note':null,'0':'zero'}}";

    [Theory]
    [InlineData("order.customer.name", "'Ada'")]
    [InlineData("order.customer", "{'name':'Ada','tags':['a','b']}")]
    [InlineData("order.customer.tags", "['a','b']")]
    [InlineData("order.0", "'zero'")]
    public void Walks_through_objects_to_the_value(string path, string expected)
    {
        DataPath.Parse(path).TryFind(Json.Object(Order), out var value).Should().BeTrue();
        value.ShouldEqual(expected);
    }

    [Theory]
    [InlineData("order.shipping")]
    [InlineData("order.shipping.city")]
    [InlineData("order.customer.name.first")]
    [InlineData("order.lines.0.sku")]
    [InlineData("order.customer.tags.0")]
    [InlineData("")]
    public void Missing_key_or_path_through_a_non_object_is_not_found(string path)
    {
        DataPath.Parse(path).TryFind(Json.Object(Order), out var value).Should().BeFalse();
        value.Should().BeNull();
    }

    [Fact]
    public void Json_null_is_found_as_a_null_value()
    {
        DataPath.Parse("order.note").TryFind(Json.Object(Order), out var value).Should().BeTrue();
        value.Should().BeNull();
    }

    [Fact]
    public void Find_gives_null_for_a_missing_path()
    {
        DataPath.Parse("order.missing").Find(Json.Object(Order)).Should().BeNull();
    }

    [Fact]
    public void Keeps_the_text_it_was_parsed_from()
    {
        var path = DataPath.Parse("a.b.c");

        path.Text.Should().Be("a.b.c");
        path.ToString().Should().Be("a.b.c");
    }

    [Fact]
    public void Empty_segment_is_an_empty_key()
    {
        DataPath.Parse("a..b").Find(Json.Object("{'a':{'':{'b':1}}}")).ShouldEqual("1");
    }

    [Theory]
    [InlineData("{'user':{'id':7}}", "user.id", "7")]
    [InlineData("{'id':7}", "user.id", "7")]
    [InlineData("{'user':5,'id':7}", "user.id", "7")]
    [InlineData("{'user':{'profile':'p','id':8},'id':7}", "user.profile.id", "8")]
    [InlineData("{'user':{'id':null}}", "user.id", "null")]
    public void Tolerant_lookup_takes_the_last_key_from_the_deepest_object_reached(string data, string path, string expected)
    {
        DataPath.Parse(path).TryFindTolerant(Json.Object(data), out var value).Should().BeTrue();
        value.ShouldEqual(expected);
    }

    [Theory]
    [InlineData("{'user':{'name':'x'}}", "user.id")]
    [InlineData("{'user':{'name':'x'},'id':7}", "user.profile.id")]
    public void Tolerant_lookup_fails_when_the_deepest_object_reached_lacks_the_last_key(string data, string path)
    {
        DataPath.Parse(path).TryFindTolerant(Json.Object(data), out _).Should().BeFalse();
    }
}
