using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class CelChecksParserTests
{
    [Fact]
    public void Expressions_are_read_in_order_at_endpoints_and_backends()
    {
        var endpoint = LoadValid(Service("""
            {"endpoint": "/e",
             "extra_config": {"validation/cel": [{"check_expr": "'x' in req_headers"}, {"check_expr": "req_method == 'GET'"}]},
             "backend": [{"url_pattern": "/b",
               "extra_config": {"github.com/devopsfaith/krakend-cel": [{"check_expr": "resp_completed"}]}}]}
            """)).Endpoints[0];

        endpoint.CelChecks.Should().Equal("'x' in req_headers", "req_method == 'GET'");
        endpoint.Backends[0].CelChecks.Should().Equal("resp_completed");
    }

    [Theory]
    [InlineData("""[{}]""", "validation/cel[0].check_expr: required: a non-empty CEL expression")]
    [InlineData("""[{"check_expr": "true"}, {"check_expr": " "}]""", "validation/cel[1].check_expr: required: a non-empty CEL expression")]
    [InlineData("""[{"check_expr": 1}]""", "validation/cel[0].check_expr: expected a string, got number 1")]
    [InlineData("""["true"]""", "validation/cel[0]: expected an object, got string \"true\"")]
    [InlineData("""{"check_expr": "true"}""", "validation/cel: expected an array of {\"check_expr\": ...} objects, got object")]
    public void Malformed_checks_are_errors(string cel, string error)
    {
        LoadErrors(ServiceWithEndpoint($$"""
            "extra_config": {"validation/cel": {{cel}}}
            """)).Should().Equal("endpoints[0].extra_config." + error);
    }

    [Fact]
    public void Unknown_keys_of_a_check_are_errors()
    {
        LoadErrors(ServiceWithBackend("""
            "extra_config": {"validation/cel": [{"check_expr": "true", "expr": "false"}]}
            """)).Should().Equal(
            "endpoints[0].backend[0].extra_config.validation/cel[0].expr: unknown key 'expr': refused, because it may configure a protection Switchyard does not enforce");
    }
}
