using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Tests.Routing;

public sealed class RouteTableTests
{
    // One table for the lookup cases: the value of a route is its own "METHOD pattern" so a case states the route it expects.
    private static readonly RouteTable<string> Table = Build(
        ("GET", "/"),
        ("GET", "/users"),
        ("GET", "/users/{id}"),
        ("GET", "/users/new"),
        ("GET", "/users/{id}/orders/{order}"),
        ("GET", "/users/new/orders/latest"),
        ("POST", "/users"),
        ("DELETE", "/users/{id}"),
        ("GET", "/files/*"),
        ("GET", "/docs/"),
        ("PUT", "/Mixed/Case"),
        ("GET", "/a/{x}/c"),
        ("GET", "/a/b/d"),
        (RouteMethods.Any, "/__debug/*"));

    [Theory]
    [InlineData("GET", "/", "GET /", "")]
    [InlineData("GET", "/users", "GET /users", "")]
    [InlineData("POST", "/users", "POST /users", "")]
    [InlineData("GET", "/users/42", "GET /users/{id}", "id=42")]
    [InlineData("DELETE", "/users/42", "DELETE /users/{id}", "id=42")]
    [InlineData("GET", "/users/42/orders/7", "GET /users/{id}/orders/{order}", "id=42,order=7")]
    [InlineData("GET", "/docs/", "GET /docs/", "")]
    [InlineData("GET", "/users/with space", "GET /users/{id}", "id=with space")]
    public void Static_and_parameterised_paths_match(string method, string path, string route, string parameters) =>
        AssertFound(Table.Match(method, path), route, parameters);

    [Theory]
    [InlineData("/users/new", "GET /users/new", "")]
    [InlineData("/users/New", "GET /users/{id}", "id=New")]
    [InlineData("/users/new/orders/latest", "GET /users/new/orders/latest", "")]
    // The static branch "new" fails deeper on, so the lookup backtracks to the parameter.
    [InlineData("/users/new/orders/9", "GET /users/{id}/orders/{order}", "id=new,order=9")]
    [InlineData("/a/b/c", "GET /a/{x}/c", "x=b")]
    [InlineData("/a/b/d", "GET /a/b/d", "")]
    public void A_static_segment_wins_over_a_parameter_at_the_same_position(string path, string route, string parameters) =>
        AssertFound(Table.Match("GET", path), route, parameters);

    [Theory]
    [InlineData("GET", "/files/", "GET /files/*", "*=/")]
    [InlineData("GET", "/files/a", "GET /files/*", "*=/a")]
    [InlineData("GET", "/files/a/b/c.txt", "GET /files/*", "*=/a/b/c.txt")]
    [InlineData("GET", "/files//x", "GET /files/*", "*=//x")]
    [InlineData("PATCH", "/__debug/", "* /__debug/*", "*=/")]
    [InlineData("HEAD", "/__debug/x", "* /__debug/*", "*=/x")]
    [InlineData("OPTIONS", "/__debug/x/y", "* /__debug/*", "*=/x/y")]
    public void A_final_star_catches_everything_below_its_slash(string method, string path, string route, string parameters) =>
        AssertFound(Table.Match(method, path), route, parameters);

    [Theory]
    [InlineData("GET", "/nothing")]
    [InlineData("GET", "/users/42/orders")]
    [InlineData("GET", "/filesystem")]
    [InlineData("POST", "/nothing")]
    [InlineData("PROPFIND", "/nothing")]
    [InlineData("GET", "")]
    [InlineData("OPTIONS", "*")]
    public void An_unknown_path_is_not_found(string method, string path) =>
        Table.Match(method, path).Kind.Should().Be(RouteMatchKind.NotFound);

    [Theory]
    [InlineData("PUT", "/users", "GET, POST")]
    [InlineData("POST", "/users/42", "GET, DELETE")]
    [InlineData("DELETE", "/files/a", "GET")]
    [InlineData("get", "/users", "GET, POST")]
    // gin lists methods in the order their trees were created: DELETE and PUT came before the any-method route.
    [InlineData("PROPFIND", "/__debug/x", "GET, POST, DELETE, PUT, PATCH, HEAD, OPTIONS, CONNECT, TRACE")]
    public void A_path_known_only_under_other_methods_is_405_with_the_allowed_methods(string method, string path, string allow)
    {
        var match = Table.Match(method, path);

        match.Kind.Should().Be(RouteMatchKind.MethodNotAllowed);
        match.Allow.Should().Be(allow);
    }

    [Theory]
    [InlineData("GET", "/users/", "", "/users", 301)]
    [InlineData("GET", "/users/42/", "", "/users/42", 301)]
    [InlineData("GET", "/docs", "", "/docs/", 301)]
    [InlineData("GET", "/files", "?x=1", "/files/?x=1", 301)]
    [InlineData("GET", "/__debug", "", "/__debug/", 301)]
    [InlineData("POST", "/__debug", "?a=b&c", "/__debug/?a=b&c", 307)]
    [InlineData("POST", "/users/", "", "/users", 307)]
    [InlineData("DELETE", "/users/42/", "?force=true", "/users/42?force=true", 307)]
    public void A_path_that_matches_with_or_without_its_trailing_slash_redirects(string method, string path, string query, string location, int status) =>
        AssertRedirect(Table.Match(method, path, query), location, status);

    [Theory]
    [InlineData("GET", "/USERS", "", "/users", 301)]
    [InlineData("GET", "/Users/New", "?q=1", "/users/new?q=1", 301)]
    // Parameters keep the request's spelling; only the route's static text is fixed.
    [InlineData("GET", "/USERS/Bob/ORDERS/X", "", "/users/Bob/orders/X", 301)]
    [InlineData("PUT", "/mixed/case", "", "/Mixed/Case", 307)]
    [InlineData("GET", "/USERS/", "", "/users", 301)]
    [InlineData("GET", "/users//42", "", "/users/42", 301)]
    [InlineData("GET", "/users/x/../42", "", "/users/42", 301)]
    [InlineData("GET", "/./users", "", "/users", 301)]
    [InlineData("GET", "/FILES/Some/Thing", "", "/files/Some/Thing", 301)]
    public void A_path_that_matches_once_cleaned_and_ignoring_case_redirects_to_the_route_spelling(string method, string path, string query, string location, int status) =>
        AssertRedirect(Table.Match(method, path, query), location, status);

    [Theory]
    [InlineData(false, true, "/users/", "/users")]
    [InlineData(false, true, "/USERS", "/users")]
    [InlineData(true, false, "/users/", "/users")]
    [InlineData(true, false, "/USERS", null)]
    [InlineData(false, false, "/users/", null)]
    public void Each_redirect_can_be_switched_off_and_the_fixed_path_also_fixes_trailing_slashes(
        bool trailingSlash, bool fixedPath, string path, string? location)
    {
        var table = Build(new RouterBehaviour(RedirectTrailingSlash: trailingSlash, RedirectFixedPath: fixedPath), ("GET", "/users"));

        var match = table.Match("GET", path);

        if (location is null)
        {
            match.Kind.Should().Be(RouteMatchKind.NotFound);
        }
        else
        {
            AssertRedirect(match, location, 301);
        }
    }

    [Fact]
    public void Without_405_handling_another_methods_path_is_not_found() =>
        Build(new RouterBehaviour(HandleMethodNotAllowed: false), ("GET", "/users")).Match("POST", "/users").Kind.Should().Be(RouteMatchKind.NotFound);

    [Fact]
    public void Removing_extra_slashes_matches_the_cleaned_path_without_a_redirect()
    {
        var table = Build(new RouterBehaviour(RemoveExtraSlash: true), ("GET", "/users/{id}"));

        AssertFound(table.Match("GET", "//users///42"), "GET /users/{id}", "id=42");
        AssertFound(table.Match("GET", "/users/x/../42"), "GET /users/{id}", "id=42");
    }

    [Fact]
    public void The_routers_own_options_route_is_accepted() =>
        AssertFound(Build(("OPTIONS", "/users/{id}")).Match("OPTIONS", "/users/1"), "OPTIONS /users/{id}", "id=1");

    [Fact]
    public void The_redirect_location_is_escaped_the_go_way()
    {
        var table = Build(("GET", "/a b/{id}"));

        AssertRedirect(table.Match("GET", "/A B/é?/"), "/a%20b/%C3%A9%3F", 301);
    }

    [Fact]
    public void The_root_path_is_never_redirected() =>
        Build(("GET", "/x/")).Match("GET", "/").Kind.Should().Be(RouteMatchKind.NotFound);

    [Fact]
    public void A_method_without_routes_gets_no_redirect_but_a_405_when_the_path_exists_elsewhere()
    {
        var table = Build(("GET", "/users"));

        table.Match("POST", "/users/").Kind.Should().Be(RouteMatchKind.NotFound);
        table.Match("POST", "/users").Kind.Should().Be(RouteMatchKind.MethodNotAllowed);
    }

    [Fact]
    public void A_parameter_never_matches_an_empty_segment()
    {
        var table = Build(("GET", "/users/{id}"));

        table.Match("GET", "/users/").Kind.Should().Be(RouteMatchKind.NotFound);
    }

    [Fact]
    public void Matching_is_case_sensitive_before_any_redirect()
    {
        var table = Build(("GET", "/users/new"), ("GET", "/users/NEW"));

        AssertFound(table.Match("GET", "/users/NEW"), "GET /users/NEW", "");
        AssertFound(table.Match("GET", "/users/new"), "GET /users/new", "");
    }

    [Fact]
    public void A_root_catch_all_takes_every_path()
    {
        var table = Build(("POST", "/*"));

        AssertFound(table.Match("POST", "/"), "POST /*", "*=/");
        AssertFound(table.Match("POST", "/a/b"), "POST /*", "*=/a/b");
    }

    [Fact]
    public void Parameter_names_are_those_of_the_matched_route()
    {
        var table = Build(("GET", "/users/{id}"), ("DELETE", "/users/{user_id}"));

        AssertFound(table.Match("DELETE", "/users/9"), "DELETE /users/{user_id}", "user_id=9");
    }

    [Fact]
    public void A_segment_with_braces_inside_is_literal_text()
    {
        var table = Build(("GET", "/report.{format}x"));

        AssertFound(table.Match("GET", "/report.{format}x"), "GET /report.{format}x", "");
        table.Match("GET", "/report.json").Kind.Should().Be(RouteMatchKind.NotFound);
    }

    [Theory]
    [InlineData("GET", "users")]
    [InlineData("GET", "")]
    [InlineData("GET", "/foo*")]
    [InlineData("GET", "/a/*/b")]
    [InlineData("HEAD", "/a")]
    [InlineData("get", "/a")]
    public void A_pattern_or_method_the_router_refuses_throws(string method, string pattern)
    {
        var build = () => Build((method, pattern));

        build.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("/users/{id}", "/users/{name}")]
    [InlineData("/users", "/users")]
    [InlineData("/files/*", "/files/*")]
    public void Two_routes_of_one_method_on_the_same_path_conflict(string first, string second)
    {
        var build = () => Build(("GET", first), ("GET", second));

        build.Should().Throw<ArgumentException>().WithMessage("*conflicts*");
    }

    [Fact]
    public void An_any_method_route_conflicts_with_a_route_of_one_method_on_the_same_path()
    {
        var build = () => Build(("GET", "/__echo/*"), (RouteMethods.Any, "/__echo/*"));

        build.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_lookup_without_parameters_shares_one_empty_list()
    {
        var match = Table.Match("GET", "/users");

        match.Parameters.Should().BeSameAs(Table.Match("GET", "/users/new").Parameters);
    }

    [Fact]
    public void A_static_lookup_allocates_nothing_and_a_parameterised_one_only_its_parameters()
    {
        Table.Match("GET", "/users/new");
        Table.Match("GET", "/users/42/orders/7");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Table.Match("GET", "/users/new");
        }

        var staticBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        Table.Match("GET", "/users/42/orders/7");
        var parameterisedBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        staticBytes.Should().Be(0);
        parameterisedBytes.Should().BeLessThan(200, "one array of two pairs and two short strings");
    }

    private static RouteTable<string> Build(params (string Method, string Pattern)[] routes) => Build(null, routes);

    private static RouteTable<string> Build(RouterBehaviour? behaviour, params (string Method, string Pattern)[] routes) =>
        new(routes.Select(r => new RouteEntry<string>(r.Method, r.Pattern, r.Method + " " + r.Pattern)), behaviour);

    private static void AssertFound(RouteMatch<string> match, string route, string parameters)
    {
        match.Kind.Should().Be(RouteMatchKind.Found);
        match.Value.Should().Be(route);
        string.Join(",", match.Parameters.Select(p => p.Key + "=" + p.Value)).Should().Be(parameters);
    }

    private static void AssertRedirect(RouteMatch<string> match, string location, int status)
    {
        match.Kind.Should().Be(RouteMatchKind.Redirect);
        match.Location.Should().Be(location);
        match.RedirectStatus.Should().Be(status);
    }
}
