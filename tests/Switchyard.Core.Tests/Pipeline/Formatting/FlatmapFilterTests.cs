using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline.Formatting;

namespace Switchyard.Core.Tests.Pipeline.Formatting;

public sealed class FlatmapFilterTests
{
    /// <summary>Operations written as <c>"move a.b c; del x y"</c>: a type, then its paths.</summary>
    private static FlatmapFilter Filter(string operations) => FlatmapFilter.Create(
        [.. operations.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(op => op.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(words => new FlatmapOperation(words[0], words[1..]))]);

    private static JsonObject Apply(string operations, string data) => Filter(operations).Apply(Json.Object(data));

    [Theory]
    [InlineData("del nope", "{'x':42,'y':false}", "{'x':42,'y':false}")]
    [InlineData("del x", "{'x':42,'y':false}", "{'y':false}")]
    [InlineData("del inner.x", "{'inner':{'x':42,'y':false},'y':false}", "{'inner':{'y':false},'y':false}")]
    [InlineData("del inner", "{'inner':{'x':42,'y':false},'y':false}", "{'y':false}")]
    [InlineData(
        "del inner.inner.x",
        "{'inner':{'x':1,'y':2,'inner':{'x':3,'y':4}},'y':5}",
        "{'inner':{'x':1,'y':2,'inner':{'y':4}},'y':5}")]
    [InlineData(
        "del k.k.k",
        "{'k':{'k':{'k':{'k':1},'kk':1},'kk':1},'t':0}",
        "{'k':{'k':{'kk':1},'kk':1},'t':0}")]
    [InlineData("del y.z", "{'y':5}", "{'y':5}")]
    [InlineData("del a; del b c", "{'a':1,'b':2,'c':3,'d':4}", "{'d':4}")]
    [InlineData("del", "{'a':1}", "{'a':1}")]
    public void Del_removes_the_value_at_a_path(string operations, string data, string expected)
    {
        Apply(operations, data).ShouldEqual(expected);
    }

    [Theory]
    [InlineData(
        "del m.*.x",
        "{'m':{'first':{'x':1,'y':2},'last':{'x':3,'y':4}},'y':0}",
        "{'m':{'first':{'y':2},'last':{'y':4}},'y':0}")]
    [InlineData(
        "del list.*.k",
        "{'list':[{'k':{'k':{'k':1},'kk':1},'kk':1},{'k':42,'kk':2}],'t':0}",
        "{'list':[{'kk':1},{'kk':2}],'t':0}")]
    [InlineData(
        "del a.*.b.*.c",
        "{'a':[{'b':[{'c':{'v':1},'w':1},{'c':{'v':2},'w':2}],'w':0},{'b':[{'c':{'v':3},'w':3}],'w':4}],'t':false}",
        "{'a':[{'b':[{'w':1},{'w':2}],'w':0},{'b':[{'w':3}],'w':4}],'t':false}")]
    [InlineData(
        "del rows.*.secret rows.*.token",
        "{'rows':[{'id':1,'secret':'s','token':'t'},{'id':2,'secret':'s'},{'id':3}]}",
        "{'rows':[{'id':1},{'id':2},{'id':3}]}")]
    [InlineData("del list.1", "{'list':[10,11,12]}", "{'list':[10,12]}")]
    [InlineData("del rows.0.id", "{'rows':[{'id':1,'n':'a'},{'id':2,'n':'b'}]}", "{'rows':[{'n':'a'},{'id':2,'n':'b'}]}")]
    [InlineData("del list.01 list.-1 list.9", "{'list':[10,11]}", "{'list':[10,11]}")]
    public void Del_matches_every_element_with_a_wildcard_and_one_element_with_an_index(
        string operations, string data, string expected)
    {
        Apply(operations, data).ShouldEqual(expected);
    }

    [Theory]
    [InlineData("del inner.x", "{'inner':{'x':1},'y':2}", "{'inner':null,'y':2}")]
    [InlineData("del list.0", "{'list':[1],'y':2}", "{'list':null,'y':2}")]
    [InlineData("del m.*", "{'m':{'a':1,'b':2},'n':1}", "{'m':null,'n':1}")]
    [InlineData("del list.*", "{'list':[1,2],'n':1}", "{'list':null,'n':1}")]
    [InlineData("del e.x l.0", "{'e':{},'l':[]}", "{'e':{},'l':[]}")]
    [InlineData("del a.b.c", "{'a':{'b':{'c':1}},'n':1}", "{'a':{'b':null},'n':1}")]
    public void Object_or_array_emptied_by_an_operation_becomes_null_but_one_empty_from_the_start_stays(
        string operations, string data, string expected)
    {
        Apply(operations, data).ShouldEqual(expected);
    }

    [Theory]
    [InlineData("move a b", "{'a':42}", "{'b':42}")]
    [InlineData("move b.a b.c", "{'a':1,'b':{'a':42}}", "{'a':1,'b':{'c':42}}")]
    [InlineData(
        "move b.*.c b.*.x",
        "{'c':42,'b':{'first':{'c':{'d':42}},'last':{'m':42,'c':{'d':42}}}}",
        "{'c':42,'b':{'first':{'x':{'d':42}},'last':{'m':42,'x':{'d':42}}}}")]
    [InlineData(
        "move b.*.c b.*.x",
        "{'a':42,'b':[{'c':42},{'c':{'d':42}}]}",
        "{'a':42,'b':[{'x':42},{'x':{'d':42}}]}")]
    [InlineData(
        "move a.*.b a.*.c",
        "{'a':[{'b':[{'c':{'v':1},'w':1}],'w':1},{'b':[{'c':{'v':2},'w':2}],'w':2}],'t':false}",
        "{'a':[{'c':[{'c':{'v':1},'w':1}],'w':1},{'c':[{'c':{'v':2},'w':2}],'w':2}],'t':false}")]
    [InlineData(
        "move a.*.b.*.c a.*.b.*.x",
        "{'a':[{'b':[{'c':{'v':1},'w':1},{'c':{'v':2},'w':1}],'w':1},{'b':[{'c':{'v':3},'w':3}],'w':2}],'t':false}",
        "{'a':[{'b':[{'x':{'v':1},'w':1},{'x':{'v':2},'w':1}],'w':1},{'b':[{'x':{'v':3},'w':3}],'w':2}],'t':false}")]
    [InlineData("move a b", "{'a':1,'b':2}", "{'b':1}")]
    [InlineData("move a.b x.y", "{'a':{'b':1}}", "{'a':{'y':1}}")]
    [InlineData("move list.0 list.first", "{'list':[1,2]}", "{'list':[1,2]}")]
    [InlineData("move nope x", "{'a':1}", "{'a':1}")]
    [InlineData("move a.b.c a.b.d", "{'a':[1]}", "{'a':[1]}")]
    public void Move_with_paths_of_equal_length_renames_the_last_segment(string operations, string data, string expected)
    {
        Apply(operations, data).ShouldEqual(expected);
    }

    [Theory]
    [InlineData("move b.a c", "{'a':1,'b':{'a':42}}", "{'a':1,'b':null,'c':42}")]
    [InlineData(
        "move b.b c",
        "{'a':42,'b':{'a':42,'bb':true,'b':{'a':42}}}",
        "{'a':42,'b':{'a':42,'bb':true},'c':{'a':42}}")]
    [InlineData("move a.b.c x.y", "{'a':{'b':{'c':1,'d':2}}}", "{'a':{'b':{'d':2}},'y':1}")]
    [InlineData(
        "move users.*.profile.id users.*.id",
        "{'users':[{'profile':{'id':1,'n':'a'}},{'profile':{'id':2,'n':'b'}}]}",
        "{'users':[{'profile':{'n':'a'},'id':1},{'profile':{'n':'b'},'id':2}]}")]
    [InlineData(
        "move teams.*.lead.name teams.*.leader",
        "{'teams':{'red':{'lead':{'name':'r','age':1}},'blue':{'lead':{'name':'b','age':2}}}}",
        "{'teams':{'red':{'lead':{'age':1},'leader':'r'},'blue':{'lead':{'age':2},'leader':'b'}}}")]
    [InlineData("move a.b.c list.x", "{'a':{'b':{'c':1}},'list':[0]}", "{'a':{'b':null},'list':[0,1]}")]
    [InlineData("move a.b.c s.x", "{'a':{'b':{'c':1,'d':0}},'s':5}", "{'a':{'b':{'d':0}},'s':{'x':1}}")]
    [InlineData("move list.0 first", "{'list':[{'id':1},{'id':2}]}", "{'list':[{'id':2}],'first':{'id':1}}")]
    [InlineData("move a.b c", "{'a':{'b':1},'c':{'old':true}}", "{'a':null,'c':1}")]
    public void Move_to_a_shorter_path_promotes_the_value(string operations, string data, string expected)
    {
        Apply(operations, data).ShouldEqual(expected);
    }

    [Theory]
    [InlineData(
        "move b.a b.b.a.b.a.b.c",
        "{'a':1,'b':{'a':42}}",
        "{'a':1,'b':{'b':{'a':{'b':{'a':{'b':{'c':42}}}}}}}")]
    [InlineData(
        "move b.*.c b.*.c.b.x",
        "{'c':42,'b':{'first':{'c':{'d':42}},'last':{'m':42,'c':{'d':42}}}}",
        "{'c':42,'b':{'first':{'c':{'b':{'x':{'d':42}}}},'last':{'m':42,'c':{'b':{'x':{'d':42}}}}}}")]
    [InlineData("move a.b a.b.c", "{'a':{'b':1}}", "{'a':{'b':{'c':1}}}")]
    [InlineData("move a.b a.x.y", "{'a':{'b':1,'x':{'z':0}}}", "{'a':{'x':{'z':0,'y':1}}}")]
    [InlineData("move a.b a.x.y", "{'a':{'b':1,'x':7}}", "{'a':{'x':{'y':1}}}")]
    [InlineData("move rows.*.id rows.*.meta.id", "{'rows':[{'id':1},{'id':2,'n':0}]}", "{'rows':[{'meta':{'id':1}},{'n':0,'meta':{'id':2}}]}")]
    [InlineData("move id wrapped.id", "{'id':1,'n':2}", "{'n':2,'wrapped':{'id':1}}")]
    [InlineData("move a.id other.wrapped.id", "{'a':{'id':1,'n':2}}", "{'a':{'n':2,'wrapped':{'id':1}}}")]
    public void Move_to_a_longer_path_embeds_the_value_where_it_was(string operations, string data, string expected)
    {
        // The destination's segments before the source's last one stand for where the value already is:
        // "move a.id other.wrapped.id" keeps it in "a", under "wrapped".
        Apply(operations, data).ShouldEqual(expected);
    }

    [Theory]
    [InlineData("append y z", "{'y':[0,1],'z':[10,11]}", "{'z':[10,11,0,1]}")]
    [InlineData("append y z", "{'y':[{'id':1}],'z':[{'id':0}]}", "{'z':[{'id':0},{'id':1}]}")]
    [InlineData("append y z", "{'y':[1],'z':[]}", "{'z':[1]}")]
    [InlineData("append y z", "{'y':[],'z':[1]}", "{'z':[1]}")]
    [InlineData("append a.y b.z", "{'a':{'y':[1],'k':0},'b':{'z':[2]}}", "{'a':{'k':0},'b':{'z':[2,1]}}")]
    [InlineData("append a.y z", "{'a':{'y':[1]},'z':[]}", "{'a':null,'z':[1]}")]
    [InlineData(
        "append items.*.id ids",
        "{'items':[{'id':1,'n':'a'},{'n':'b'}],'ids':[0]}",
        "{'items':[{'n':'a'},{'n':'b'}],'ids':[0,1,null]}")]
    [InlineData("append y y", "{'y':[1],'k':0}", "{'k':0}")]
    public void Append_adds_the_source_values_to_the_destination_array_and_removes_the_source(
        string operations, string data, string expected)
    {
        Apply(operations, data).ShouldEqual(expected);
    }

    [Theory]
    [InlineData("append nope z", "{'z':[1]}")]
    [InlineData("append y nope", "{'y':[1]}")]
    [InlineData("append y z", "{'y':[1],'z':{'a':1}}")]
    [InlineData("append y z", "{'y':{'a':1},'z':[1]}")]
    [InlineData("append y z", "{'y':'text','z':[1]}")]
    [InlineData("append y z.*", "{'y':[1],'z':[[0]]}")]
    public void Append_without_two_arrays_changes_nothing(string operations, string data)
    {
        Apply(operations, data).ShouldEqual(data);
    }

    [Fact]
    public void Operations_apply_in_order_on_the_whole_data()
    {
        var item = "{'on':true,'count':42,'label':'x','tags':[1,2,3,4]}";
        var filter = Filter(
            "del count; append evens odds; move total TOTAL; move item.on item.ON;" +
            " del rows.*.on; del rows.*.label; del rows.*.tags; move rows.*.count rows.*.n");
        var data = Json.Object(
            $"{{'total':42,'enabled':false,'kind':'k','item':{item},'rows':[{item},{item},{item},{item}]," +
            "'evens':[0,2,4,6],'odds':[1,3,5,7]}");

        filter.Apply(data).ShouldEqual(
            "{'TOTAL':42,'enabled':false,'kind':'k','item':{'ON':true,'count':42,'label':'x','tags':[1,2,3,4]}," +
            "'rows':[{'n':42},{'n':42},{'n':42},{'n':42}],'odds':[1,3,5,7,0,2,4,6]}");
    }

    [Fact]
    public void Apply_changes_the_data_in_place()
    {
        var data = Json.Object("{'a':1}");

        Filter("move a b").Apply(data).Should().BeSameAs(data);
        data.ShouldEqual("{'b':1}");
    }

    [Fact]
    public void One_filter_serves_many_responses()
    {
        var filter = Filter("del a.x; move a.y b");

        filter.Apply(Json.Object("{'a':{'x':1,'y':2}}")).ShouldEqual("{'a':null,'b':2}");
        filter.Apply(Json.Object("{'a':{'x':1,'y':2,'z':3}}")).ShouldEqual("{'a':{'z':3},'b':2}");
    }

    [Fact]
    public void Removing_every_key_leaves_an_empty_object()
    {
        Apply("del a b", "{'a':1,'b':2}").ShouldEqual("{}");
    }

    [Fact]
    public void Unknown_operation_types_are_ignored()
    {
        Apply("rename a b; Move a b; del c", "{'a':1,'c':2}").ShouldEqual("{'a':1}");
    }

    [Theory]
    [InlineData("move")]
    [InlineData("append")]
    public void Move_and_append_need_two_paths(string type)
    {
        var create = () => FlatmapFilter.Create([new FlatmapOperation("del", ["a"]), new FlatmapOperation(type, ["a"])]);

        create.Should().Throw<ArgumentException>().WithMessage($"flatmap_filter[1]: '{type}' needs a source and a destination path*");
    }
}
