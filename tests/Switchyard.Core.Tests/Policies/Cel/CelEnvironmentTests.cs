using System.Text.Json.Nodes;
using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelEnvironmentTests
{
    private static readonly CelTestActivation Request = new(new Dictionary<string, object?>
    {
        ["req_method"] = "GET",
        ["req_path"] = "/v1/users/42",
        ["req_params"] = new Dictionary<string, string> { ["Id"] = "42", ["Wants_notifications"] = "yes" },
        ["req_headers"] = new Dictionary<string, string[]>
        {
            ["X-Roles"] = ["user", "admin"],
            ["Content-Type"] = ["application/json"],
        },
        ["req_querystring"] = new Dictionary<string, string[]> { ["page"] = ["3"], ["sort"] = ["name", "age"] },
        ["resp_data"] = JsonNode.Parse("""
            {"user": {"name": "Ada", "age": 36, "email": null, "score": 9.5},
             "items": [{"sku": "a1", "qty": 2}, {"sku": "b2", "qty": 0}],
             "label": "BENIGN"}
            """),
        ["resp_completed"] = true,
        ["resp_metadata_status"] = 200,
        ["resp_metadata_headers"] = new Dictionary<string, string[]> { ["Cache-Control"] = ["no-store"] },
        ["now"] = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
    });

    [Theory]
    [InlineData("req_params.Wants_notifications == 'yes'", true)]
    [InlineData("'admin' in req_headers['X-Roles']", true)]
    [InlineData("'root' in req_headers['X-Roles']", false)]
    [InlineData("resp_data.user.age >= 18 && resp_completed", true)]
    [InlineData("has(resp_data.items) && size(resp_data.items) > 0", true)]
    [InlineData("has(resp_data.orders) && size(resp_data.orders) > 0", false)]
    [InlineData("req_path.startsWith('/v1/') ? true : false", true)]
    [InlineData("timestamp(now) < timestamp('2030-01-01T00:00:00Z')", true)]
    [InlineData("req_querystring['page'][0].matches('^[0-9]+$')", true)]
    [InlineData("req_method == 'GET' && req_params.Id == '42'", true)]
    [InlineData("resp_metadata_status == 200 && resp_metadata_headers['Cache-Control'][0] == 'no-store'", true)]
    [InlineData("resp_data.label == 'BENIGN'", true)]
    [InlineData("resp_data.user.email == null", true)]
    [InlineData("resp_data.user.score > 9", true)]
    [InlineData("resp_data.items.all(i, i.qty >= 0) && resp_data.items.exists(i, i.qty == 0)", true)]
    [InlineData("size(req_querystring.sort) == 2", true)]
    [InlineData("int(req_params.Id) % 2 == 0", true)]
    [InlineData("req_headers['Content-Type'][0].contains('json')", true)]
    public void Gateway_policies_evaluate_against_a_realistic_request(string expression, bool expected)
    {
        var program = Cel.Compile(expression, CelEnvironment.Gateway);

        program.IsSatisfied(Request, out var error).Should().Be(expected);
        error.Should().BeNull();
    }

    [Theory]
    [InlineData("req_params.Missing == 'x'", "no such key: Missing")]
    [InlineData("req_headers['X-Missing'][0] == 'x'", "no such key: X-Missing")]
    [InlineData("req_querystring['page'][1] == '3'", "index out of bounds: 1")]
    [InlineData("resp_data.user.age / (resp_data.items[1].qty) > 1", "division by zero")]
    [InlineData("resp_data.user.name > 5", "no such overload: _>_(string, int)")]
    [InlineData("int(req_method) > 0", "cannot convert 'GET' to int")]
    public void Runtime_errors_fail_the_policy_and_say_why(string expression, string message)
    {
        var program = Cel.Compile(expression, CelEnvironment.Gateway);

        program.IsSatisfied(Request, out var error).Should().BeFalse();
        error.Should().Be(message);
    }

    [Theory]
    [InlineData("resp_data.label", "dyn")]
    [InlineData("resp_metadata_status", "int")]
    [InlineData("req_path", "string")]
    public void A_non_bool_result_is_not_satisfied_and_is_no_error(string expression, string resultType)
    {
        var program = Cel.Compile(expression, CelEnvironment.Gateway);

        program.ResultType.Should().Be(resultType);
        program.IsSatisfied(Request, out var error).Should().BeFalse();
        error.Should().BeNull();
    }

    [Fact]
    public void Evaluate_returns_the_raw_result() =>
        Cel.Compile("resp_data.items.map(i, i.sku)", CelEnvironment.Gateway).Evaluate(Request).Should().BeEquivalentTo(new object[] { "a1", "b2" });

    [Fact]
    public void Evaluate_throws_on_a_runtime_error()
    {
        var program = Cel.Compile("req_params.Nope == 'x'", CelEnvironment.Gateway);

        program.Invoking(p => p.Evaluate(Request)).Should().Throw<CelEvaluationException>().WithMessage("no such key: Nope");
    }

    [Fact]
    public void The_program_lists_the_variables_it_reads()
    {
        var program = Cel.Compile("req_method == 'GET' && (has(resp_data.x) || req_method == 'POST')", CelEnvironment.Gateway);

        program.Variables.Should().BeEquivalentTo(["req_method", "resp_data"]);
        program.Expression.Should().Be("req_method == 'GET' && (has(resp_data.x) || req_method == 'POST')");
    }

    [Fact]
    public void Each_variable_is_resolved_at_most_once_per_evaluation()
    {
        var activation = new CelTestActivation(new Dictionary<string, object?> { ["req_method"] = "PUT" });
        var program = Cel.Compile("req_method == 'GET' || req_method == 'POST' || req_method == 'PUT'", CelEnvironment.Gateway);

        program.IsSatisfied(activation, out _).Should().BeTrue();
        program.IsSatisfied(activation, out _).Should().BeTrue();

        activation.Resolutions["req_method"].Should().Be(2);
    }

    [Fact]
    public void A_variable_the_activation_cannot_supply_fails_the_policy()
    {
        var program = Cel.Compile("resp_completed", CelEnvironment.Gateway);

        program.IsSatisfied(CelTestActivation.Empty, out var error).Should().BeFalse();
        error.Should().Be("no such attribute: resp_completed");
    }

    [Fact]
    public void A_value_of_an_unsupported_type_fails_the_policy()
    {
        var program = Cel.Compile("resp_completed", CelEnvironment.Gateway);

        program.IsSatisfied(new CelTestActivation(new Dictionary<string, object?> { ["resp_completed"] = new Uri("http://x") }), out var error).Should().BeFalse();
        error.Should().Be("unsupported value type 'Uri'");
    }

    [Fact]
    public void A_program_can_be_evaluated_from_many_threads_at_once()
    {
        var program = Cel.Compile("int(req_params.Id) * 2 == resp_metadata_status", CelEnvironment.Gateway);

        var outcomes = Enumerable.Range(0, 200).AsParallel().Select(n => program.IsSatisfied(
            new CelTestActivation(new Dictionary<string, object?>
            {
                ["req_params"] = new Dictionary<string, string> { ["Id"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["resp_metadata_status"] = n * 2,
            }),
            out _)).ToList();

        outcomes.Should().AllSatisfy(static ok => ok.Should().BeTrue());
    }

    [Fact]
    public void A_syntax_error_prevents_the_program()
    {
        var result = CelEnvironment.Gateway.Compile("req_method == 'GET' &&");

        result.Program.Should().BeNull();
        result.Errors.Should().ContainSingle().Which.ToString().Should().StartWith("column 23: Syntax error: mismatched input '<EOF>'");
    }
}
