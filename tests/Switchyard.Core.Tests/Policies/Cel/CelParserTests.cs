using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelParserTests
{
    [Theory]
    [InlineData("1 + 2 * 3 == 7", true)]
    [InlineData("(1 + 2) * 3 == 9", true)]
    [InlineData("10 - 4 - 3", 3L)]
    [InlineData("24 / 4 / 2", 3L)]
    [InlineData("7 % 4 * 2", 6L)]
    [InlineData("-2 * 3", -6L)]
    [InlineData("!false && false || true", true)]
    [InlineData("true || false && false", true)]
    [InlineData("1 < 2 == true", true)]
    [InlineData("2 in [1, 2] && true", true)]
    [InlineData("!!true", true)]
    [InlineData("--3", 3L)]
    [InlineData("-(3)", -3L)]
    [InlineData("true ? 1 : false ? 2 : 3", 1L)]
    [InlineData("false ? 1 : false ? 2 : 3", 3L)]
    [InlineData("false ? 1 : true ? 2 : 3", 2L)]
    [InlineData("1 + 1 == 2 ? 'yes' : 'no'", "yes")]
    [InlineData("[1, 2, 3][1]", 2L)]
    [InlineData("{'a': {'b': 5}}.a.b", 5L)]
    [InlineData("[1, 2,].size()", 2L)]
    [InlineData("{'a': 1,}.size()", 1L)]
    [InlineData("size([])", 0L)]
    [InlineData(".s == 'x'", true)]
    public void Operators_follow_CEL_precedence(string expression, object expected) =>
        Cel.Compile(expression).Evaluate(new CelTestActivation(new Dictionary<string, object?> { ["s"] = "x" })).Should().Be(expected);

    [Fact]
    public void Negation_binds_tighter_than_and_which_binds_tighter_than_or()
    {
        var tree = CelParser.Parse("!a && b || c");

        var or = tree.Should().BeOfType<CelCallExpr>().Subject;
        or.Function.Should().Be("_||_");
        var and = or.Arguments[0].Should().BeOfType<CelCallExpr>().Subject;
        and.Function.Should().Be("_&&_");
        and.Arguments[0].Should().BeOfType<CelCallExpr>().Which.Function.Should().Be("!_");
        or.Arguments[1].Should().BeOfType<CelIdentExpr>().Which.Name.Should().Be("c");
    }

    [Fact]
    public void The_conditional_is_right_associative()
    {
        var tree = CelParser.Parse("a ? b : c ? d : e");

        var outer = tree.Should().BeOfType<CelCallExpr>().Subject;
        outer.Function.Should().Be("_?_:_");
        outer.Arguments[0].Should().BeOfType<CelIdentExpr>().Which.Name.Should().Be("a");
        outer.Arguments[2].Should().BeOfType<CelCallExpr>().Which.Function.Should().Be("_?_:_");
    }

    [Fact]
    public void Receiver_calls_keep_their_target()
    {
        var tree = CelParser.Parse("req_path.startsWith('/v1/')");

        var call = tree.Should().BeOfType<CelCallExpr>().Subject;
        call.Function.Should().Be("startsWith");
        call.Target.Should().BeOfType<CelIdentExpr>().Which.Name.Should().Be("req_path");
        call.Arguments.Should().ContainSingle().Which.Should().BeOfType<CelLiteralExpr>();
    }

    [Fact]
    public void Has_becomes_a_presence_test()
    {
        var tree = CelParser.Parse("has(resp_data.items)");

        tree.Should().BeOfType<CelSelectExpr>().Which.IsPresenceTest.Should().BeTrue();
    }

    [Fact]
    public void Operator_nodes_point_at_their_operator()
    {
        var tree = CelParser.Parse("a  == b");

        tree.Position.Should().Be(3);
    }

    [Theory]
    [InlineData("1 +", 4, "mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}")]
    [InlineData("", 1, "mismatched input '<EOF>' expecting")]
    [InlineData("(1 + 2", 7, "mismatched input '<EOF>' expecting ')'")]
    [InlineData("a b", 3, "extraneous input 'b' expecting <EOF>")]
    [InlineData("1 + 2)", 6, "extraneous input ')' expecting <EOF>")]
    [InlineData("[1, 2", 6, "mismatched input '<EOF>' expecting ']'")]
    [InlineData("{'a' 1}", 6, "mismatched input '1' expecting ':'")]
    [InlineData("a ? b", 6, "mismatched input '<EOF>' expecting ':'")]
    [InlineData("a.", 3, "mismatched input '<EOF>' expecting IDENTIFIER")]
    [InlineData("a.1", 2, "extraneous input '.1' expecting <EOF>")]
    [InlineData("f(1,,2)", 5, "mismatched input ','")]
    [InlineData("== 1", 1, "mismatched input '=='")]
    [InlineData("has(a)", 5, "invalid argument to has() macro")]
    [InlineData("has(a[0])", 6, "invalid argument to has() macro")]
    [InlineData("l.all(1, true)", 7, "all() variable name must be a simple identifier")]
    public void Syntax_errors_name_the_offending_token_and_its_column(string expression, int column, string message)
    {
        var error = Cel.CompileError(expression);

        error.Column.Should().Be(column);
        error.Message.Should().StartWith("Syntax error: " + message);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused_not_a_crash()
    {
        var deep = new string('(', 300) + "1" + new string(')', 300);

        var error = Cel.CompileError(deep);

        error.Message.Should().Contain("nested more than");
    }

    [Fact]
    public void A_long_flat_chain_beyond_the_depth_limit_is_refused()
    {
        var chain = string.Join(" + ", Enumerable.Repeat("1", 2000));

        var error = Cel.CompileError(chain);

        error.Message.Should().Contain("nested more than");
    }
}
