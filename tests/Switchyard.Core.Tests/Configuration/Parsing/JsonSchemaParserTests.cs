using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class JsonSchemaParserTests
{
    private const string NamespacePath = "endpoints[0].extra_config.validation/json-schema";

    [Fact]
    public void An_endpoint_and_an_agent_get_their_compiled_schema_under_either_name()
    {
        var config = LoadValid("""
            {"version": 3, "host": ["http://backend:8000"],
             "endpoints": [{"endpoint": "/e", "method": "POST", "backend": [{"url_pattern": "/b"}],
               "extra_config": {"github.com/devopsfaith/krakend-jsonschema": {"type": "object"}}}],
             "async_agent": [{"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}],
               "extra_config": {"async/memory": {}, "validation/json-schema": {"required": ["id"]}}}]}
            """);

        config.Endpoints[0].JsonSchema!.Check("[]"u8.ToArray()).Should().NotBeNull();
        config.Endpoints[0].JsonSchema!.Check("{}"u8.ToArray()).Should().BeNull();
        config.AsyncAgents[0].Pipe.JsonSchema!.Check("""{"id":1}"""u8.ToArray()).Should().BeNull();
        config.AsyncAgents[0].Pipe.JsonSchema!.Check("{}"u8.ToArray()).Should().NotBeNull();
    }

    [Theory]
    [InlineData("""{"type": "objekt"}""", NamespacePath + ": invalid JSON Schema: 'objekt' is not a valid JSON Schema value type")]
    [InlineData("""{"minLength": "x"}""", NamespacePath + ": invalid JSON Schema: 'minLength' value must be a number, found String")]
    [InlineData("""{"$ref": "#/$defs/missing"}""", NamespacePath + ": $ref 'https://json-everything.lib/")]
    [InlineData("\"object\"", NamespacePath + ": expected a JSON Schema (an object or a boolean), got string \"object\"")]
    public void A_schema_that_does_not_compile_is_an_error_with_its_path(string schema, string expected)
    {
        LoadErrors(ServiceWithEndpoint($$""" "extra_config": {"validation/json-schema": {{schema}}} """))
            .Should().ContainSingle().Which.Should().StartWith(expected);
    }

    [Fact]
    public void A_remote_ref_is_an_error_and_is_never_fetched()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"validation/json-schema": {"properties": {"address": {"$ref": "https://example.com/address.schema.json"}}}}
            """)).Should().Equal(
            NamespacePath + ": $ref 'https://example.com/address.schema.json' does not resolve: a $ref must point inside the schema or to a draft's meta-schema (remote schemas are never fetched)");
    }

    [Theory]
    [InlineData("http://json-schema.org/draft-04/schema#",
        "draft-04 schemas are not supported: Switchyard validates drafts 06, 07, 2019-09 and 2020-12 (2020-12 when $schema is left out)")]
    [InlineData("https://example.com/my-dialect",
        "unknown JSON Schema draft 'https://example.com/my-dialect': Switchyard validates drafts 06, 07, 2019-09 and 2020-12")]
    public void A_draft_that_is_not_served_is_an_error_at_its_schema_key(string draft, string expected)
    {
        LoadErrors(ServiceWithEndpoint($$$""" "extra_config": {"validation/json-schema": {"$schema": "{{{draft}}}", "type": "object"}} """))
            .Should().Equal(NamespacePath + ".$schema: " + expected);
    }

    [Fact]
    public void A_ref_to_a_draft_s_meta_schema_resolves_offline()
    {
        var schema = LoadValid(ServiceWithEndpoint("""
            "extra_config": {"validation/json-schema": {"$ref": "https://json-schema.org/draft/2020-12/schema"}}
            """)).Endpoints[0].JsonSchema!;

        schema.Check(""" {"type": "object"} """u8.ToArray()).Should().BeNull();
        schema.Check(""" {"type": 3} """u8.ToArray()).Should().NotBeNull();
    }

    [Fact]
    public void A_workflow_cannot_hold_a_schema()
    {
        LoadErrors(ServiceWithWorkflow("""
            {"endpoint": "/w", "backend": [{"url_pattern": "/x"}], "extra_config": {"validation/json-schema": {"type": "object"}}}
            """)).Should().ContainSingle().Which.Should().StartWith(WorkflowPath + ".extra_config.validation/json-schema: ");
    }
}
