using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline.Formatting;

namespace Switchyard.Core.Tests.Pipeline.Formatting;

public sealed class ResponseFormatterTests
{
    private const string Person =
        "{'id':42,'active':false,'name':'Grace','address':{'city':'Arlington','zip':'22201','street':'Main'}}";

    private static BackendConfig Backend(
        string? target = null,
        string[]? allow = null,
        string[]? deny = null,
        string? group = null,
        Dictionary<string, string>? mapping = null,
        FlatmapOperation[]? flatmap = null) => new()
        {
            UrlPattern = "/",
            Target = target,
            Allow = allow ?? [],
            Deny = deny ?? [],
            Group = group,
            Mapping = mapping ?? [],
            Proxy = new BackendProxyOptions { FlatmapFilter = flatmap ?? [] },
        };

    private static JsonObject Format(BackendConfig backend, string data) =>
        ResponseFormatter.Create(backend)!.Format(Json.Object(data));

    [Fact]
    public void Backend_without_manipulation_needs_no_formatter()
    {
        ResponseFormatter.Create(Backend()).Should().BeNull();
        ResponseFormatter.Create(Backend(target: "", group: "")).Should().BeNull();
    }

    [Fact]
    public void Target_makes_the_object_at_the_path_the_data()
    {
        var formatter = ResponseFormatter.Create(Backend(target: "result"))!;

        formatter.Format(Json.Object("{'status':'ok','count':3,'result':{'a':true,'b':1}}")).ShouldEqual("{'a':true,'b':1}");
    }

    [Fact]
    public void Target_walks_a_nested_path()
    {
        var formatter = ResponseFormatter.Create(Backend(target: "result.result"))!;

        formatter.Format(Json.Object("{'result':{'status':'ok','result':{'a':true}}}")).ShouldEqual("{'a':true}");
    }

    [Theory]
    [InlineData("{'status':'ok'}")]
    [InlineData("{'result':false}")]
    [InlineData("{'result':'text'}")]
    [InlineData("{'result':null}")]
    [InlineData("{'result':[{'a':1}]}")]
    public void Target_on_a_missing_path_or_a_non_object_gives_an_empty_object(string data)
    {
        Format(Backend(target: "result"), data).ShouldEqual("{}");
    }

    [Fact]
    public void Target_through_an_array_gives_an_empty_object()
    {
        Format(Backend(target: "items.0"), "{'items':[{'a':1}]}").ShouldEqual("{}");
    }

    [Fact]
    public void Allow_keeps_only_the_listed_paths()
    {
        var formatter = ResponseFormatter.Create(Backend(allow: ["id", "address.city", "address.zip", "name.unknown"]))!;

        formatter.Format(Json.Object(Person)).ShouldEqual("{'id':42,'address':{'city':'Arlington','zip':'22201'}}");
    }

    [Fact]
    public void Allow_keeps_deep_fields_and_drops_their_siblings()
    {
        var formatter = ResponseFormatter.Create(Backend(allow: ["user.prefs.theme", "user.prefs.font.size"]))!;
        var data = Json.Object(
            "{'id':1,'user':{'prefs':{'theme':'dark','lang':'en','font':{'size':12,'face':'mono'}},'other':{'theme':'x'}}}");

        formatter.Format(data).ShouldEqual("{'user':{'prefs':{'theme':'dark','font':{'size':12}}}}");
    }

    [Theory]
    [InlineData("{'items':[{'id':1,'x':2}],'id':3}", "{'id':3}")]
    [InlineData("{'items':{'name':'n'},'id':3}", "{'id':3}")]
    [InlineData("{'items':{},'id':3}", "{'id':3}")]
    [InlineData("{'items':'text','id':3}", "{'id':3}")]
    public void Allow_does_not_traverse_arrays_and_drops_objects_with_nothing_allowed(string data, string expected)
    {
        Format(Backend(allow: ["items.id", "id"]), data).ShouldEqual(expected);
    }

    [Theory]
    [InlineData(new[] { "a", "a.b" }, "{'a':{'b':1}}")]
    [InlineData(new[] { "a.b", "a" }, "{'a':{'b':1,'c':2}}")]
    public void Allow_paths_fold_in_order(string[] allow, string expected)
    {
        ResponseFormatter.Create(Backend(allow: allow))!.Format(Json.Object("{'a':{'b':1,'c':2},'d':3}")).ShouldEqual(expected);
    }

    [Fact]
    public void Allow_of_nothing_present_empties_the_data()
    {
        Format(Backend(allow: ["missing"]), Person).ShouldEqual("{}");
    }

    [Fact]
    public void Deny_removes_the_listed_paths()
    {
        var formatter = ResponseFormatter.Create(Backend(deny: ["id", "address.city", "address.zip", "name.unknown"]))!;

        formatter.Format(Json.Object(Person)).ShouldEqual("{'active':false,'name':'Grace','address':{'street':'Main'}}");
    }

    [Theory]
    [InlineData(new[] { "a.b.c" }, "{'a':{'b':{'d':2},'e':3},'f':[{'c':1}]}")]
    [InlineData(new[] { "f.c" }, "{'a':{'b':{'c':1,'d':2},'e':3},'f':[{'c':1}]}")]
    [InlineData(new[] { "a.x.y", "zz" }, "{'a':{'b':{'c':1,'d':2},'e':3},'f':[{'c':1}]}")]
    [InlineData(new[] { "a", "a.b.c" }, "{'f':[{'c':1}]}")]
    [InlineData(new[] { "a.b.c", "a" }, "{'f':[{'c':1}]}")]
    [InlineData(new[] { "a.b.c", "a.b.d" }, "{'a':{'b':{},'e':3},'f':[{'c':1}]}")]
    public void Deny_walks_nested_objects_but_not_arrays(string[] deny, string expected)
    {
        ResponseFormatter.Create(Backend(deny: deny))!
            .Format(Json.Object("{'a':{'b':{'c':1,'d':2},'e':3},'f':[{'c':1}]}"))
            .ShouldEqual(expected);
    }

    [Fact]
    public void Deny_is_ignored_when_there_is_an_allow_list()
    {
        Format(Backend(allow: ["id", "name"], deny: ["id"]), Person).ShouldEqual("{'id':42,'name':'Grace'}");
    }

    [Fact]
    public void Mapping_renames_top_level_keys_only()
    {
        var mapping = new Dictionary<string, string> { ["id"] = "ID", ["active"] = "enabled", ["address.city"] = "address.town" };
        var formatter = ResponseFormatter.Create(Backend(mapping: mapping))!;

        formatter.Format(Json.Object(Person)).ShouldEqual(
            "{'ID':42,'enabled':false,'name':'Grace','address':{'city':'Arlington','zip':'22201','street':'Main'}}");
    }

    [Fact]
    public void Mapping_to_a_dotted_name_keeps_its_first_segment()
    {
        var formatter = ResponseFormatter.Create(Backend(mapping: new() { ["a"] = "b.c" }))!;

        formatter.Format(Json.Object("{'a':1,'z':2}")).ShouldEqual("{'b':1,'z':2}");
    }

    [Fact]
    public void Mapping_onto_an_existing_key_replaces_it()
    {
        var formatter = ResponseFormatter.Create(Backend(mapping: new() { ["a"] = "z" }))!;

        formatter.Format(Json.Object("{'a':1,'z':2}")).ShouldEqual("{'z':1}");
    }

    [Fact]
    public void Mapping_a_key_onto_itself_removes_it_as_KrakenD_does()
    {
        var formatter = ResponseFormatter.Create(Backend(mapping: new() { ["a"] = "a.b" }))!;

        formatter.Format(Json.Object("{'a':1,'z':2}")).ShouldEqual("{'z':2}");
    }

    [Fact]
    public void Group_wraps_the_data()
    {
        var formatter = ResponseFormatter.Create(Backend(group: "person"))!;

        formatter.Format(Json.Object("{'id':42,'active':false}")).ShouldEqual("{'person':{'id':42,'active':false}}");
    }

    [Fact]
    public void Group_of_empty_data_is_an_empty_object()
    {
        Format(Backend(group: "person"), "{}").ShouldEqual("{'person':{}}");
        Format(Backend(target: "missing", group: "person"), "{'id':1}").ShouldEqual("{'person':{}}");
    }

    [Fact]
    public void Target_allow_mapping_and_group_apply_in_that_order()
    {
        var formatter = ResponseFormatter.Create(Backend(
            target: "address",
            allow: ["city"],
            group: "where",
            mapping: new() { ["city"] = "CITY" }))!;

        formatter.Format(Json.Object(Person)).ShouldEqual("{'where':{'CITY':'Arlington'}}");
    }

    [Fact]
    public void Flatmap_replaces_allow_deny_and_mapping_but_target_and_group_apply()
    {
        var item = "{'on':true,'count':42,'label':'x','tags':[1,2,3,4]}";
        var formatter = ResponseFormatter.Create(Backend(
            target: "payload",
            group: "out",
            allow: ["nothing"],
            mapping: new() { ["total"] = "ignored" },
            flatmap:
            [
                new("del", ["count"]),
                new("append", ["evens", "odds"]),
                new("move", ["total", "TOTAL"]),
                new("move", ["item.on", "item.ON"]),
                new("del", ["rows.*.on", "rows.*.label", "rows.*.tags"]),
                new("move", ["rows.*.count", "rows.*.n"]),
            ]))!;
        var data = Json.Object(
            $"{{'payload':{{'total':42,'enabled':false,'kind':'k','item':{item},'rows':[{item},{item},{item}]," +
            "'evens':[0,2,4],'odds':[1,3,5]}}");

        formatter.Format(data).ShouldEqual(
            "{'out':{'TOTAL':42,'enabled':false,'kind':'k','item':{'ON':true,'count':42,'label':'x','tags':[1,2,3,4]}," +
            "'rows':[{'n':42},{'n':42},{'n':42}],'odds':[1,3,5,0,2,4]}}");
    }

    [Fact]
    public void Flatmap_that_removes_every_key_leaves_no_data_so_the_group_is_null()
    {
        Format(Backend(group: "out", flatmap: [new("del", ["a"])]), "{'a':1}").ShouldEqual("{'out':null}");
        Format(Backend(flatmap: [new("del", ["a"])]), "{'a':1}").ShouldEqual("{}");
    }

    [Fact]
    public void Malformed_flatmap_is_rejected_when_the_formatter_is_built()
    {
        var create = () => ResponseFormatter.Create(Backend(flatmap: [new("move", ["only-source"])]));

        create.Should().Throw<ArgumentException>().WithMessage("*'move' needs a source and a destination*");
    }
}
