using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelCheckerTests
{
    [Theory]
    [InlineData("req_params.Wants_notifications == 'yes'", "bool")]
    [InlineData("req_headers['X-Roles']", "list(string)")]
    [InlineData("req_headers", "map(string, list(string))")]
    [InlineData("resp_data.user", "dyn")]
    [InlineData("resp_data.user.age >= 18", "bool")]
    [InlineData("resp_metadata_status + 1", "int")]
    [InlineData("size(req_path)", "int")]
    [InlineData("req_path + '/x'", "string")]
    [InlineData("now - timestamp('2030-01-01T00:00:00Z')", "google.protobuf.Duration")]
    [InlineData("now + duration('1h')", "google.protobuf.Timestamp")]
    [InlineData("[1, 2]", "list(int)")]
    [InlineData("[1, 'a']", "list(dyn)")]
    [InlineData("{'a': 1}", "map(string, int)")]
    [InlineData("req_querystring['page'][0]", "string")]
    [InlineData("true ? 'a' : 'b'", "string")]
    [InlineData("resp_data.items.map(i, i.id)", "list(dyn)")]
    [InlineData("[1, 2].filter(i, i > 1)", "list(int)")]
    [InlineData("req_headers.exists(h, h.startsWith('X-'))", "bool")]
    [InlineData("dyn(1)", "dyn")]
    [InlineData("null", "null")]
    public void The_result_type_is_exposed(string expression, string type) =>
        Cel.Compile(expression, CelEnvironment.Gateway).ResultType.Should().Be(type);

    [Theory]
    [InlineData("x == 1", 1, "undeclared reference to 'x'")]
    [InlineData("req_path == nope", 13, "undeclared reference to 'nope'")]
    [InlineData("frobnicate(1)", 1, "undeclared reference to 'frobnicate'")]
    [InlineData("req_path == 1", 10, "found no matching overload for '_==_' applied to '(string, int)'")]
    [InlineData("req_method != true", 12, "found no matching overload for '_!=_' applied to '(string, bool)'")]
    [InlineData("resp_completed && 'yes'", 16, "found no matching overload for '_&&_' applied to '(bool, string)'")]
    [InlineData("1 || true", 3, "found no matching overload for '_||_' applied to '(int, bool)'")]
    [InlineData("size(1)", 1, "found no matching overload for 'size' applied to '(int)'")]
    [InlineData("req_path.startsWith(1)", 10, "found no matching overload for 'startsWith' applied to 'string.(int)'")]
    [InlineData("1 + 'a'", 3, "found no matching overload for '_+_' applied to '(int, string)'")]
    [InlineData("1 + 1u", 3, "found no matching overload for '_+_' applied to '(int, uint)'")]
    [InlineData("1 + 1.0", 3, "found no matching overload for '_+_' applied to '(int, double)'")]
    [InlineData("'a' < 1", 5, "found no matching overload for '_<_' applied to '(string, int)'")]
    [InlineData("!1", 1, "found no matching overload for '!_' applied to '(int)'")]
    [InlineData("-'a'", 1, "found no matching overload for '-_' applied to '(string)'")]
    [InlineData("req_path[0]", 9, "found no matching overload for '_[_]' applied to '(string, int)'")]
    [InlineData("req_params[1]", 11, "found no matching overload for '_[_]' applied to '(map(string, string), int)'")]
    [InlineData("'a' in req_path", 5, "found no matching overload for '@in' applied to '(string, string)'")]
    [InlineData("1 in req_headers['X']", 3, "found no matching overload for '@in' applied to '(int, list(string))'")]
    [InlineData("true ? 1 : 'a'", 6, "found no matching overload for '_?_:_' applied to '(bool, int, string)'")]
    [InlineData("1 ? 1 : 2", 3, "found no matching overload for '_?_:_' applied to '(int, int, int)'")]
    [InlineData("req_path.size", 10, "type 'string' does not support field selection")]
    [InlineData("has(req_path.x)", 14, "type 'string' does not support field selection")]
    [InlineData("timestamp(1.5)", 1, "found no matching overload for 'timestamp' applied to '(double)'")]
    [InlineData("now < 5", 5, "found no matching overload for '_<_' applied to '(google.protobuf.Timestamp, int)'")]
    [InlineData("req_path.matches('(')", 18, "invalid regular expression '('")]
    [InlineData("req_path.matches('(a)\\\\1')", 18, "invalid regular expression")]
    [InlineData("req_path.all(c, true)", 1, "expression of type 'string' cannot be the range of a comprehension")]
    [InlineData("[1].all(v, v)", 12, "found no matching overload for '_&&_' applied to '(bool, int)'")]
    public void Type_errors_carry_cel_go_wording_and_the_column(string expression, int column, string message)
    {
        var error = Cel.CompileError(expression, CelEnvironment.Gateway);

        error.Message.Should().StartWith(message);
        error.Column.Should().Be(column);
    }

    [Fact]
    public void Every_type_error_is_reported()
    {
        var result = CelEnvironment.Gateway.Compile("a == 1 && req_path == 2");

        result.Program.Should().BeNull();
        result.Errors.Select(static e => e.ToString()).Should().Equal(
            "column 1: undeclared reference to 'a'",
            "column 20: found no matching overload for '_==_' applied to '(string, int)'");
    }

    [Fact]
    public void An_error_inside_an_operand_is_not_reported_again_by_the_operator()
    {
        var result = CelEnvironment.Gateway.Compile("size(nope) > 1");

        result.Errors.Should().ContainSingle().Which.Message.Should().Be("undeclared reference to 'nope'");
    }

    [Theory]
    [InlineData("resp_metadata_status == 200.0")]
    [InlineData("1 < 2u")]
    [InlineData("1u == 1.0")]
    [InlineData("resp_data.count + 1 > 3")]
    [InlineData("resp_data.x == null")]
    [InlineData("resp_data.a == resp_data.b")]
    [InlineData("resp_data.list[0].name == 'x'")]
    [InlineData("'x' in resp_data")]
    public void Mixed_numbers_and_dyn_operands_pass_the_checker(string expression) =>
        CelEnvironment.Gateway.Compile(expression).Errors.Should().BeEmpty();

    [Fact]
    public void A_macro_variable_shadows_a_declared_one_and_is_not_a_program_variable()
    {
        var program = Cel.Compile("[1, 2].exists(req_path, req_path == 2) && req_method == 'GET'", CelEnvironment.Gateway);

        program.Variables.Should().BeEquivalentTo(["req_method"]);
    }

    [Fact]
    public void A_macro_variable_is_not_visible_outside_its_macro()
    {
        var error = Cel.CompileError("[1].all(v, v > 0) && v == 1", CelEnvironment.Gateway);

        error.Message.Should().Be("undeclared reference to 'v'");
    }

    [Fact]
    public void Non_bool_expressions_compile_and_say_so()
    {
        var program = Cel.Compile("req_path", CelEnvironment.Gateway);

        program.ResultType.Should().Be("string");
    }
}
