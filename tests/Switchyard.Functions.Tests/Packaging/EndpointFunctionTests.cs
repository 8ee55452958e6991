using System.Text.RegularExpressions;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Packaging;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Tests.Packaging;

public sealed partial class EndpointFunctionTests
{
    [Fact]
    public void Each_endpoint_gets_a_function_on_its_route_with_its_method_in_the_host_order()
    {
        var functions = Of(("GET", "/users/{id}"), ("GET", "/files/*"), ("POST", "/orders"));

        functions.Should().Equal(
            new EndpointFunction("get_files___all", "files/{*rest}", "GET"),
            new EndpointFunction("get_users__id", "users/{id}", "GET"),
            new EndpointFunction("post_orders", "orders", "POST"));
    }

    [Fact]
    public void Two_methods_on_one_path_are_two_functions()
    {
        Of(("GET", "/orders"), ("POST", "/orders")).Select(f => (f.Name, f.Route, f.Method))
            .Should().Equal(("get_orders", "orders", "GET"), ("post_orders", "orders", "POST"));
    }

    [Fact]
    public void Names_are_lower_case_and_replace_what_a_name_cannot_hold()
    {
        Of(("DELETE", "/Shop.v2/Cart_Items/{item_id}/~x"))
            .Single().Name.Should().Be("delete_shop-v2_cart-items__item-id_-x");
    }

    [Fact]
    public void A_long_path_is_cut_and_ends_with_a_hash_of_method_and_path_so_two_long_paths_stay_apart()
    {
        var stem = "/" + string.Join('/', Enumerable.Repeat("segment", 20));

        var functions = Of(("GET", stem + "/a"), ("GET", stem + "/b"));

        functions.Should().HaveCount(2);
        functions.Select(f => f.Name).Should().OnlyHaveUniqueItems().And.AllSatisfy(name =>
        {
            name.Length.Should().Be(FunctionNames.MaxLength);
            name.Should().StartWith("get_segment_segment").And.MatchRegex("_[0-9a-f]{8}$");
        });
    }

    [Fact]
    public void Paths_that_make_the_same_name_all_get_a_hash_whatever_their_order()
    {
        var one = Of(("GET", "/a.b"), ("GET", "/a-b"), ("GET", "/c"));
        var other = Of(("GET", "/a-b"), ("GET", "/c"), ("GET", "/a.b"));

        one.Should().BeEquivalentTo(other);
        one.Single(f => f.Route == "a.b").Name.Should().MatchRegex("^get_a-b_[0-9a-f]{8}$");
        one.Single(f => f.Route == "a-b").Name.Should().MatchRegex("^get_a-b_[0-9a-f]{8}$");
        one.Select(f => f.Name).Should().OnlyHaveUniqueItems().And.Contain("get_c");
    }

    [Fact]
    public void A_path_whose_name_is_another_endpoints_hashed_name_gets_a_hash_too()
    {
        var hashed = FunctionNames.WithHash("get_a-b", "GET", "/a.b");

        var functions = Of(("GET", "/a.b"), ("GET", "/a-b"), ("GET", "/a-b/" + hashed["get_a-b_".Length..]));

        functions.Select(f => f.Name).Should().OnlyHaveUniqueItems().And.Contain(hashed);
        functions.Single(f => f.Route.Length > "a-b".Length).Name.Should().NotBe(hashed).And.StartWith(hashed + "_");
    }

    [Fact]
    public void Names_are_the_same_on_every_run()
    {
        Of(("GET", "/a.b"), ("GET", "/a-b")).Select(f => f.Name)
            .Should().Equal(Of(("GET", "/a.b"), ("GET", "/a-b")).Select(f => f.Name));
    }

    [Fact]
    public void Every_name_is_one_the_host_accepts()
    {
        var functions = Of(
            ("GET", "/" + new string('x', 300)), ("PATCH", "/{ünïcode}/é"), ("PUT", "/__x/--/{_}/*"), ("GET", "/9/{1}"));

        functions.Should().HaveCount(4).And.AllSatisfy(f => HostFunctionName().IsMatch(f.Name).Should().BeTrue(f.Name));
    }

    [Fact]
    public void Routes_that_can_match_one_path_sort_literal_then_parameter_then_catch_all_and_all_before_the_catch_all_function()
    {
        var names = Of(("GET", "/users/*"), ("GET", "/users/{id}"), ("GET", "/users/recent"), ("GET", "/users/{id}/orders"))
            .Select(f => f.Name).Append(FunctionNames.CatchAll).Order(StringComparer.OrdinalIgnoreCase);

        names.Should().Equal("get_users_recent", "get_users__id", "get_users__id_orders", "get_users___all", "wildcard");
    }

    [Fact]
    public void Endpoints_the_host_cannot_route_get_no_function_and_a_warning()
    {
        var warnings = new List<string>();

        var functions = EndpointFunction.Of(
            [Endpoint("GET", "/", 0), Endpoint("GET", "/admin/users", 1), Endpoint("GET", "/Users", 2), Endpoint("GET", "/users", 3), Endpoint("GET", "/Users/", 4)],
            warnings);

        functions.Select(f => f.Name).Should().Equal("get_users");
        warnings.Should().HaveCount(4);
        warnings[0].Should().StartWith("endpoints[0]: GET / gets no function of its own").And.Contain("catch-all");
        warnings[1].Should().StartWith("endpoints[1]: GET /admin/users").And.Contain("'admin'");
        warnings[2].Should().StartWith("endpoints[3]: GET /users").And.Contain("differs only in case");
        warnings[3].Should().StartWith("endpoints[4]: GET /Users/").And.Contain("a final '/'");
    }

    private static IReadOnlyList<EndpointFunction> Of(params (string Method, string Path)[] endpoints)
    {
        var warnings = new List<string>();
        var functions = EndpointFunction.Of([.. endpoints.Select((e, i) => Endpoint(e.Method, e.Path, i))], warnings);
        warnings.Should().BeEmpty();
        return functions;
    }

    private static EndpointConfig Endpoint(string method, string path, int index) =>
        new() { Endpoint = path, Method = method, JsonPath = $"endpoints[{index}]" };

    /// <summary>The host's own check of a function name (<c>Utility.IsValidFunctionName</c>), one shorter.</summary>
    [GeneratedRegex("^[a-z][a-z0-9_-]{0,126}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostFunctionName();
}
